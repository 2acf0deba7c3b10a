package org.openhall.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.openhall.calendar.CalendarApi;
import org.openhall.cases.CaseResult;
import org.openhall.cases.IntakeChannel;
import org.openhall.cases.SuspensionReason;
import org.openhall.cases.internal.CaseCommands;
import org.openhall.cases.internal.CaseCommands.MaterialState;
import org.openhall.cases.internal.CaseView;
import org.openhall.catalog.CatalogApi;
import org.openhall.catalog.ItemVersion;
import org.openhall.catalog.MaterialInfo;
import org.openhall.organization.CentreInfo;
import org.openhall.organization.OrganizationApi;
import org.openhall.organization.StaffSummary;
import org.openhall.shared.ChineseIdNumber;
import org.openhall.shared.UnifiedSocialCreditCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The demo centre's cases (CASE-1..9): about forty applications of the last five weeks in every state a centre
 * sees — received today with materials missing (一次性告知), accepted with 容缺, routed, waiting for an assisting
 * department's opinion, stopped for an expert review, extended, due tomorrow or already overdue, completed on time
 * and late, refused, not accepted, delivered and archived. Each is made through {@link CaseCommands} by the demo
 * logins who would do it (the clerk receives, the department head routes and reviews, the centre office handles the
 * other departments), with the {@link DemoClock} standing at the moment each step happened, counted back in
 * working days from the real today; so the deadlines, working days left and warnings are those of the real
 * calendar. A case whose dates fall in a year the calendar has no arrangement for is left out (CAL-3: no guess).
 */
final class DemoCases {

    private static final Logger log = LoggerFactory.getLogger(DemoCases.class);

    static final String[] PEOPLE = {"周建平", "吴秀兰", "郑国华", "孙丽娟", "冯志刚", "陈桂英", "褚明亮", "卫国强", "蒋丽萍",
            "沈文博", "韩梅", "杨光明", "朱丽华", "秦海峰", "许建军", "何秀珍", "吕涛", "施红霞", "张海燕", "孔德明", "曹雪琴",
            "严俊", "华丽娟", "金鑫", "魏永强", "陶然", "姜红梅", "戚明远", "谢芳", "邹伟东", "喻婷婷", "柏林", "窦志刚",
            "章华英", "苏敏", "潘磊", "葛亮", "范卫东", "彭丽君", "鲁国强", "汤玉兰", "殷振华", "罗永福"};

    static final String[] COMPANIES = {"清溪县鑫源建材有限公司", "清溪县绿野农业专业合作社", "清溪县宏达物流有限公司",
            "清溪县百福食品有限责任公司"};

    /** One thing that happened to a case, {@code ago} working days before today. */
    sealed interface Op permits Supplement, Route, Opinion, Review, Suspend, Resume, Extend, Complete, Deliver, Archive {
        int ago();
    }

    record Supplement(int ago, String... codes) implements Op {
    }

    record Route(int ago, @Nullable String handler) implements Op {
    }

    record Opinion(int ago) implements Op {
    }

    record Review(int ago) implements Op {
    }

    record Suspend(int ago, SuspensionReason reason, String note) implements Op {
    }

    record Resume(int ago) implements Op {
    }

    record Extend(int ago, int days, String reason) implements Op {
    }

    record Complete(int ago, CaseResult result, @Nullable String reason, @Nullable String remedy) implements Op {
    }

    record Deliver(int ago, boolean mail) implements Op {
    }

    record Archive(int ago) implements Op {
    }

    /**
     * An application: the item, when it was received (working days ago), the materials missing, wrong (code=note) or
     * deferred at intake, whether it was not accepted (the reason and where to go), and what happened afterwards.
     */
    record Plan(String item, int ago, List<String> missing, Map<String, String> wrong, List<String> deferred,
            boolean green, @Nullable String rejectReason, @Nullable String redirectTo, List<Op> ops) {
    }

    static Plan plan(String item, int ago, Op... ops) {
        return new Plan(item, ago, List.of(), Map.of(), List.of(), false, null, null, List.of(ops));
    }

    static Plan missing(String item, int ago, List<String> missing, Map<String, String> wrong, Op... ops) {
        return new Plan(item, ago, missing, wrong, List.of(), false, null, null, List.of(ops));
    }

    static Plan deferred(String item, int ago, List<String> deferred, Op... ops) {
        return new Plan(item, ago, List.of(), Map.of(), deferred, false, null, null, List.of(ops));
    }

    static Plan green(String item, int ago, Op... ops) {
        return new Plan(item, ago, List.of(), Map.of(), List.of(), true, null, null, List.of(ops));
    }

    static Plan rejected(String item, int ago, String reason, String redirectTo, Op... ops) {
        return new Plan(item, ago, List.of(), Map.of(), List.of(), false, reason, redirectTo, List.of(ops));
    }

    static final String REMEDY = "如对本决定不服，可在收到本决定之日起六十日内向清溪县人民政府申请行政复议，或在六个月内向清溪县人民法院提起行政诉讼。";

    /** The applications, oldest first within each group. */
    static final List<Plan> PLANS = List.of(
            // completed, delivered, archived
            plan("YB-001", 14, new Complete(14, CaseResult.APPROVED, null, null), new Deliver(14, false), new Archive(10)),
            plan("JY-001", 9, new Complete(9, CaseResult.APPROVED, null, null), new Archive(6)),
            plan("LD-011", 3, new Complete(3, CaseResult.APPROVED, null, null), new Deliver(3, false)),
            plan("YB-004", 0, new Complete(0, CaseResult.APPROVED, null, null)),
            plan("YB-003", 19, new Route(19, "吴昊"), new Complete(12, CaseResult.APPROVED, "转移接续手续齐全，准予办理", null),
                    new Deliver(11, true), new Archive(5)),
            plan("CX-002", 16, new Route(16, "林海涛"), new Complete(8, CaseResult.APPROVED, null, null), new Deliver(7, false)),
            // completed on time, one after an expert review
            plan("YB-005", 17, new Route(17, "张伟"), new Suspend(15, SuspensionReason.EXPERT_REVIEW, "提请医保专家组评审诊断资料"),
                    new Resume(12), new Complete(9, CaseResult.APPROVED, "经专家评审，符合门诊慢特病认定标准", null)),
            plan("YB-012", 8, new Route(8, "陈晓燕"),
                    new Complete(5, CaseResult.REFUSED, "所申请药品不在本省特殊药品待遇目录内", REMEDY)),
            plan("JY-003", 6, new Route(6, "刘芳"), new Complete(4, CaseResult.APPROVED, null, null)),
            plan("LD-010", 11, new Route(11, "吴娜"), new Complete(3, CaseResult.APPROVED, null, null)),
            plan("JY-007", 13, new Complete(6, CaseResult.APPROVED, null, null)),
            // completed late
            plan("YB-008", 18, new Route(18, "徐丹"), new Complete(5, CaseResult.APPROVED, null, null)),
            plan("JY-011", 12, new Route(12, "陈志强"), new Complete(2, CaseResult.APPROVED, null, null)),
            plan("LD-016", 8, new Complete(3, CaseResult.APPROVED, null, null)),
            // being handled, on track
            plan("YB-005", 3, new Route(3, "张伟")),
            plan("YB-006", 6, new Route(6, "陈晓燕"), new Review(2)),
            plan("YB-007", 4, new Route(4, "胡艳")),
            plan("JY-005", 5, new Route(5, "赵磊"), new Opinion(3)),
            plan("LD-003", 2, new Route(2, "杨帆")),
            plan("CX-004", 8, new Route(8, "赵雪梅")),
            plan("JG-002", 4, new Route(4, "张静")),
            plan("LD-007", 7, new Route(7, "胡志远")),
            missing("YB-006", 10, List.of("M04"), Map.of(), new Supplement(9, "M04"), new Route(9, "陈晓燕")),
            // accepted, not yet routed
            plan("YB-010", 1),
            plan("YB-008", 0),
            plan("JY-006", 1),
            plan("CX-006", 0),
            green("YB-005", 1),
            // the clock stands still
            plan("YB-005", 7, new Route(7, "张伟"), new Suspend(2, SuspensionReason.EXPERT_REVIEW, "组织三名专家评审诊断资料")),
            plan("LD-006", 12, new Route(12, "胡志远"), new Suspend(4, SuspensionReason.INSPECTION, "赴用人单位现场调查取证")),
            plan("JG-005", 10, new Route(10, "高峰"), new Suspend(3, SuspensionReason.SUPPLEMENT, "等待申请人补充调动文件")),
            // one-time notices: waiting for the applicant
            missing("YB-005", 0, List.of("M02", "M03"), Map.of()),
            missing("YB-006", 1, List.of("M04"), Map.of("M02", "发票抬头与申请人姓名不一致")),
            missing("JY-005", 2, List.of("M04"), Map.of()),
            missing("LD-003", 0, List.of("M02"), Map.of()),
            // 容缺受理
            deferred("YB-005", 2, List.of("M04"), new Route(2, "陈晓燕")),
            deferred("JY-009", 3, List.of("M04"), new Route(3, "王建国")),
            // due tomorrow, due today, overdue
            plan("YB-003", 9, new Route(9, "吴昊")),
            plan("JY-003", 3, new Route(3, "杨敏")),
            plan("YB-010", 12, new Route(12, "孙浩然")),
            plan("CX-002", 11, new Route(11, "郭晓东")),
            // an approved extension (Art. 42)
            plan("LD-002", 25, new Route(25, "吴娜"), new Extend(6, 10, "需向原参保地核实跨省缴费记录")),
            // not accepted (退件)
            rejected("LD-006", 5, "事故发生在外县，工伤认定应向事故发生地社会保险行政部门提出", "事故发生地人力资源和社会保障局工伤保险科"),
            rejected("CX-001", 15, "申请人已参加企业职工基本养老保险，不能同时参加城乡居民养老保险",
                    "如需转换参保类型，请到12号窗口咨询城乡养老保险制度衔接", new Archive(12)));

    private final CaseCommands cases;
    private final CatalogApi catalog;
    private final OrganizationApi org;
    private final CalendarApi calendar;
    private final UserDetailsService users;
    private final @Nullable DemoClock clock;
    private final CentreInfo centre;
    private final ZoneId zone;
    private final LocalDate today;
    private final long yb;
    private Instant last = Instant.EPOCH;

    private DemoCases(CaseCommands cases, CatalogApi catalog, OrganizationApi org, CalendarApi calendar,
            UserDetailsService users, @Nullable DemoClock clock, java.time.Clock now) {
        this.cases = cases;
        this.catalog = catalog;
        this.org = org;
        this.calendar = calendar;
        this.users = users;
        this.clock = clock;
        this.centre = org.centreByCode(DemoCentre.CODE).orElseThrow();
        this.zone = centre.zone();
        this.today = now.instant().atZone(zone).toLocalDate();
        this.yb = org.departments(centre.id()).stream().filter(d -> d.code().equals("YB")).findFirst().orElseThrow().id();
    }

    /**
     * Makes the demo cases; returns how many. The clock is back at the real time afterwards. {@code clock} is the
     * application's clock: a {@link DemoClock} replays the past, any other clock makes everything happen now.
     */
    static int load(CaseCommands cases, CatalogApi catalog, OrganizationApi org, CalendarApi calendar,
            UserDetailsService users, java.time.Clock clock) {
        DemoCases d = new DemoCases(cases, catalog, org, calendar, users, clock instanceof DemoClock dc ? dc : null, clock);
        int made = 0;
        try {
            for (int i = 0; i < PLANS.size(); i++) {
                if (d.make(PLANS.get(i), i)) {
                    made++;
                }
            }
        } finally {
            if (d.clock != null) {
                d.clock.backToNow();
            }
            SecurityContextHolder.clearContext();
        }
        return made;
    }

    /** The working day {@code n} working days before today (0: today, or the last working day before it). */
    LocalDate back(int n) {
        LocalDate d = today;
        while (!calendar.isWorkingDay(centre.code(), d)) {
            d = d.minusDays(1);
        }
        for (int i = 0; i < n; i++) {
            d = d.minusDays(1);
            while (!calendar.isWorkingDay(centre.code(), d)) {
                d = d.minusDays(1);
            }
        }
        return d;
    }

    /**
     * Whether the calendar has the official arrangement for every day this case may touch: from its receipt to its
     * due date with its extension and the working days its clock stood still (CAL-3: a missing year is an error,
     * never a guess). Asked before anything is written; the calendar's arithmetic writes nothing.
     */
    boolean calendarCovers(Plan p, ItemVersion item) {
        int needed;
        if (p.rejectReason() != null) {
            needed = 0;
        } else if ((!p.missing().isEmpty() || !p.wrong().isEmpty())
                && p.ops().stream().noneMatch(o -> o instanceof Supplement)) {
            // waiting for corrections: the clock has not started; only the Art. 32 period matters
            needed = 6;
        } else {
            int extension = p.ops().stream().mapToInt(o -> o instanceof Extend e ? e.days() : 0).sum();
            int suspended = p.ops().stream().mapToInt(o -> o instanceof Suspend s ? s.ago() : 0).max().orElse(0);
            needed = item.committedLimitDays() + extension + suspended + 1;
        }
        try {
            calendar.addWorkingDays(centre.code(), back(p.ago()), needed);
            return true;
        } catch (org.openhall.shared.DomainException e) {
            return false;
        }
    }

    /**
     * Stands the clock at {@code hour:minute} of the working day {@code ago} days back; never later than now, and
     * always after the case's previous step.
     */
    private void at(int ago, int hour, int minute) {
        if (clock == null) {
            return;
        }
        Instant real = clock.realNow();
        Instant t = back(ago).atTime(hour, minute).atZone(zone).toInstant();
        if (t.isAfter(real.minusSeconds(60))) {
            t = real.minusSeconds(60);
        }
        if (!t.isAfter(last)) {
            t = last.plusSeconds(1);
        }
        if (t.isAfter(real)) {
            t = real;
        }
        last = t;
        clock.travelTo(t);
    }

    private <T> T as(String username, Supplier<T> action) {
        return DemoLogins.as(users, username, action);
    }

    private CaseCommands.Applicant applicant(ItemVersion item, int n) {
        String name = PEOPLE[n % PEOPLE.length];
        boolean company = item.materials().stream().anyMatch(m -> m.name().startsWith("营业执照或事业单位法人证书"));
        String mobile = "1" + "3579".charAt(n % 4) + "9" + "%08d".formatted(79_700_000 + n * 1_379);
        int year = 1958 + (n * 7) % 45;
        String first17 = "360735" + "%04d%02d%02d%03d".formatted(year, 1 + (n * 5) % 12, 1 + (n * 11) % 28, 300 + n);
        String id = first17 + ChineseIdNumber.checkCharacter(first17);
        String address = "清溪县" + new String[] {"城关镇人民路", "溪口镇新街", "白沙乡中心村", "城南街道建设路"}[n % 4] + (10 + n) + "号";
        if (company) {
            String code17 = "91360735MA3" + "%06d".formatted(100_000 + n * 7_919).replace('0', 'A').replace('1', 'K');
            code17 = code17.substring(0, 17);
            return new CaseCommands.Applicant(CaseCommands.ApplicantKind.ORGANIZATION, COMPANIES[n % COMPANIES.length],
                    id, code17 + UnifiedSocialCreditCode.checkCharacter(code17), mobile, null, address);
        }
        return new CaseCommands.Applicant(CaseCommands.ApplicantKind.PERSON, name, id, null, mobile,
                n % 3 == 0 ? "applicant" + n + "@example.cn" : null, address);
    }

    private Optional<Long> staff(long department, @Nullable String name) {
        if (name == null) {
            return Optional.empty();
        }
        return org.staffOfDepartment(department).stream().filter(s -> s.name().equals(name)).map(StaffSummary::id)
                .findFirst();
    }

    /** Makes one case; false when left out. */
    boolean make(Plan p, int n) {
        Optional<ItemVersion> found = catalog.currentItem(centre.id(), p.item());
        if (found.isEmpty() || !calendarCovers(p, found.get())) {
            log.info("Demo case of {} left out (item or calendar year missing)", p.item());
            return false;
        }
        ItemVersion item = found.get();
        last = Instant.EPOCH;
        boolean medical = item.departmentId() == yb;
        String receiver = medical ? "clerk" : "office";
        String head = medical ? "depthead" : "office";
        List<CaseCommands.MaterialCheck> checks = new ArrayList<>();
        for (MaterialInfo m : item.materials()) {
            MaterialState state = p.missing().contains(m.code()) ? MaterialState.MISSING
                    : p.wrong().containsKey(m.code()) ? MaterialState.WRONG
                    : p.deferred().contains(m.code()) ? MaterialState.DEFERRED : MaterialState.RECEIVED;
            checks.add(new CaseCommands.MaterialCheck(m.code(), state, p.wrong().get(m.code())));
        }
        CaseCommands.Deferral deferral = p.deferred().isEmpty() ? null
                : new CaseCommands.Deferral(true, forward(back(p.ago()), Math.max(1, Math.min(5, item.committedLimitDays() - 1))));
        CaseCommands.Rejection rejection = p.rejectReason() == null ? null
                : new CaseCommands.Rejection(p.rejectReason(), p.redirectTo());
        Long window = item.windowIds().isEmpty() ? null : item.windowIds().getFirst();
        at(p.ago(), 8 + (n % 5 + 1) / 2, 30 + (n * 17) % 30);
        CaseView v = as(receiver, () -> cases.intake(new CaseCommands.IntakeRequest(centre.id(), item.code(),
                applicant(item, n), checks, IntakeChannel.WINDOW, window, p.green() && item.greenChannel(), deferral,
                rejection)));
        String number = v.number();
        String handlerLogin = head;
        for (Op op : p.ops()) {
            String who = handlerLogin;
            switch (op) {
                case Supplement s -> {
                    at(s.ago(), 10, 5);
                    as(receiver, () -> cases.supplement(number, Arrays.stream(s.codes())
                            .map(c -> new CaseCommands.MaterialCheck(c, MaterialState.RECEIVED, null)).toList(), "申请人补交材料"));
                }
                case Route r -> {
                    at(r.ago(), 11, 10);
                    Long handler = staff(item.departmentId(), r.handler()).orElse(null);
                    as(head, () -> cases.route(number, item.departmentId(), handler, null));
                    handlerLogin = "张伟".equals(r.handler()) && medical ? "clerk" : head;
                }
                case Opinion o -> {
                    at(o.ago(), 14, 20);
                    CaseView now = as("office", () -> cases.get(number));
                    for (CaseView.Step s : now.openSteps()) {
                        if ("OPINION".equals(s.kind())) {
                            as("office", () -> cases.opinion(number, s.id(), true, "经核对，申请人参保缴费记录连续完整，同意办理"));
                        }
                    }
                }
                case Review rv -> {
                    at(rv.ago(), 15, 0);
                    as(head, () -> cases.review(number, true, "材料齐全，审核通过"));
                }
                case Suspend s -> {
                    at(s.ago(), 15, 30);
                    as(who, () -> cases.suspend(number, s.reason(), s.note()));
                }
                case Resume r -> {
                    at(r.ago(), 9, 40);
                    as(who, () -> cases.resume(number, "评审意见已返回，恢复计时"));
                }
                case Extend e -> {
                    at(e.ago(), 16, 0);
                    as("office", () -> cases.extend(number, e.days(), e.reason(), "leader"));
                }
                case Complete c -> {
                    at(c.ago(), 16, 10);
                    as(who, () -> cases.complete(number, c.result(), c.reason(), c.remedy()));
                }
                case Deliver d -> {
                    at(d.ago(), 16, 40);
                    as(receiver, () -> cases.deliver(number, d.mail() ? CaseCommands.DeliveryMethod.MAIL
                            : CaseCommands.DeliveryMethod.PICKUP, null, d.mail() ? "SF1" + "%09d".formatted(n * 7_654_321 % 1_000_000_000) : null));
                }
                case Archive a -> {
                    at(a.ago(), 17, 0);
                    as("office", () -> cases.archive(number));
                }
            }
        }
        return true;
    }

    /** The working day {@code n} working days after {@code from}. */
    private LocalDate forward(LocalDate from, int n) {
        LocalDate d = from;
        for (int i = 0; i < n; i++) {
            d = d.plusDays(1);
            while (!calendar.isWorkingDay(centre.code(), d)) {
                d = d.plusDays(1);
            }
        }
        return d;
    }
}
