package org.openhall.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.openhall.organization.CentreData;
import org.openhall.organization.DepartmentData;
import org.openhall.organization.DepartmentKind;
import org.openhall.organization.EmploymentType;
import org.openhall.organization.Gender;
import org.openhall.organization.OrganizationCommands;
import org.openhall.organization.StaffData;
import org.openhall.organization.TrainingCategory;
import org.openhall.organization.TrainingData;
import org.openhall.organization.WindowData;
import org.openhall.organization.WindowType;
import org.openhall.security.Role;
import org.openhall.security.UserAccounts;
import org.openhall.shared.ChineseIdNumber;

/**
 * The demo centre, 清溪县社会保险服务中心 (QX-SSC): six departments, 42 staff with valid (made-up) ID
 * and mobile numbers, 14 windows with A/B posts, training records, rotation history and one login per
 * role. The same data every time. Demo logins all use the password {@value #PASSWORD}, which must be
 * changed (or the accounts disabled) on any installation that is not a demonstration.
 */
final class DemoCentre {

    static final String CODE = "QX-SSC";
    static final String PASSWORD = "openhall";

    /** ID numbers are built on this (made-up) address code; the check digit is computed per GB 11643. */
    private static final String ADDRESS_CODE = "360735";
    private static final String[] MOBILE_PREFIXES = {"139", "138", "186", "151", "177", "133"};

    record Person(String name, Gender gender, String position, EmploymentType type, @Nullable String login,
            @Nullable Role role) {
    }

    record Dept(String code, String name, DepartmentKind kind, String prefix, List<Person> people) {
    }

    record Win(String number, String name, WindowType type, int dept, String location, int postA, int postB,
            List<String> services) {
    }

    private static Person p(String name, Gender g, String position) {
        return new Person(name, g, position, EmploymentType.REGULAR, null, null);
    }

    private static Person p(String name, Gender g, String position, EmploymentType type) {
        return new Person(name, g, position, type, null, null);
    }

    private static Person login(String name, Gender g, String position, String login, Role role) {
        return new Person(name, g, position, EmploymentType.REGULAR, login, role);
    }

    static final Gender M = Gender.MALE;
    static final Gender F = Gender.FEMALE;

    /** Departments in duty order. */
    static final List<Dept> DEPARTMENTS = List.of(
            new Dept("LDJY", "劳动就业中心", DepartmentKind.STATIONED, "JY", List.of(
                    p("王建国", M, "主任"), p("刘芳", F, "窗口受理员"), p("陈志强", M, "窗口受理员"),
                    p("杨敏", F, "窗口受理员", EmploymentType.TEMPORARY), p("赵磊", M, "审核员"),
                    p("黄婷婷", F, "咨询引导员", EmploymentType.PART_TIME), p("周文斌", M, "复核员"))),
            new Dept("YB", "医保中心", DepartmentKind.STATIONED, "YB", List.of(
                    login("李秀英", F, "主任", "depthead", Role.DEPT_HEAD),
                    login("张伟", M, "窗口受理员", "clerk", Role.WINDOW_STAFF), p("陈晓燕", F, "窗口受理员"),
                    p("吴昊", M, "窗口受理员"), p("徐丹", F, "窗口受理员", EmploymentType.TEMPORARY),
                    p("孙浩然", M, "审核员"), p("胡艳", F, "窗口受理员"))),
            new Dept("JGSB", "机关社保中心", DepartmentKind.STATIONED, "JG", List.of(
                    p("朱建华", M, "主任"), p("张静", F, "窗口受理员"), p("高峰", M, "窗口受理员"), p("林雅琴", F, "审核员"),
                    p("何永康", M, "窗口受理员", EmploymentType.TEMPORARY), p("郭倩", F, "综合柜员"),
                    p("马骏", M, "复核员", EmploymentType.PART_TIME))),
            new Dept("CXJM", "城乡居民社保中心", DepartmentKind.STATIONED, "CX", List.of(
                    p("罗欣怡", F, "主任"), p("林海涛", M, "窗口受理员"), p("赵雪梅", F, "窗口受理员"),
                    p("郭晓东", M, "窗口受理员"), p("周慧", F, "窗口受理员", EmploymentType.TEMPORARY),
                    p("罗晨", M, "审核员"), p("梁淑华", F, "咨询引导员", EmploymentType.PART_TIME))),
            new Dept("LDSB", "劳动社保中心", DepartmentKind.STATIONED, "LD", List.of(
                    p("刘洋", M, "主任"), p("吴娜", F, "窗口受理员"), p("杨帆", M, "窗口受理员"), p("孙悦", F, "窗口受理员"),
                    p("胡志远", M, "审核员"), p("朱琳", F, "窗口受理员", EmploymentType.TEMPORARY), p("黄俊杰", M, "复核员"))),
            new Dept("ZXBGS", "中心办公室", DepartmentKind.INTERNAL, "BG", List.of(
                    login("王丽娟", F, "中心主任", "leader", Role.LEADER),
                    login("徐鹏", M, "办公室主任", "office", Role.CENTRE_OFFICE),
                    login("高媛", F, "督导员", "supervisor", Role.SUPERVISOR), p("李明辉", M, "咨询引导员"),
                    p("何佳怡", F, "投诉受理员"), p("宋晓红", F, "综合受理员"),
                    p("马玲", F, "咨询引导员", EmploymentType.TEMPORARY),
                    login("郑国平", M, "中心副主任", "leader2", Role.LEADER))));

    static final List<Win> WINDOWS = List.of(
            new Win("1", "综合咨询", WindowType.CONSULTATION, 5, "一楼大厅入口", 3, 6,
                    List.of("政策咨询", "办事引导", "材料预审")),
            new Win("2", "投诉受理", WindowType.COMPLAINT, 5, "一楼大厅东侧", 4, 5,
                    List.of("投诉受理", "意见建议", "好差评回访")),
            new Win("3", "就业登记", WindowType.ACCEPTANCE, 0, "一楼A区", 1, 3,
                    List.of("就业失业登记", "就业创业证申领", "灵活就业人员登记")),
            new Win("4", "失业保险", WindowType.ACCEPTANCE, 0, "一楼A区", 2, 4,
                    List.of("失业保险金申领", "稳岗返还", "技能提升补贴申领")),
            new Win("5", "医保参保登记", WindowType.ACCEPTANCE, 1, "一楼B区", 1, 2,
                    List.of("城乡居民医保参保登记", "职工医保参保登记", "医保关系转移接续")),
            new Win("6", "异地就医备案", WindowType.ACCEPTANCE, 1, "一楼B区", 3, 4,
                    List.of("异地就医备案", "门诊慢特病待遇认定")),
            new Win("7", "医疗费用报销", WindowType.ACCEPTANCE, 1, "一楼B区", 6, 5,
                    List.of("医疗费用手工报销", "生育保险待遇申领")),
            new Win("8", "机关养老保险", WindowType.ACCEPTANCE, 2, "二楼C区", 1, 3,
                    List.of("机关事业单位养老保险参保登记", "养老保险待遇申领")),
            new Win("9", "机关社保综合", WindowType.GENERAL, 2, "二楼C区", 2, 5,
                    List.of("职业年金查询", "个人权益记录打印", "退休人员资格认证")),
            new Win("10", "城乡居民养老", WindowType.ACCEPTANCE, 3, "二楼D区", 1, 2,
                    List.of("城乡居民养老保险参保登记", "待遇领取资格认证")),
            new Win("11", "城乡居民待遇", WindowType.ACCEPTANCE, 3, "二楼D区", 3, 4,
                    List.of("城乡居民养老保险待遇申领", "丧葬补助金申领")),
            new Win("12", "企业职工养老", WindowType.ACCEPTANCE, 4, "二楼E区", 1, 5,
                    List.of("企业职工养老保险参保登记", "养老保险关系转移接续")),
            new Win("13", "工伤保险", WindowType.ACCEPTANCE, 4, "二楼E区", 2, 3,
                    List.of("工伤认定申请", "工伤保险待遇核定", "劳动能力鉴定申请")),
            new Win("14", "社保卡服务", WindowType.GENERAL, 4, "二楼E区", 4, 6,
                    List.of("社会保障卡申领", "社保卡挂失补换", "社保卡密码重置")));

    /** Windows (by number) whose A and B swapped in the mid-year rotation. */
    static final List<String> ROTATED = List.of("3", "5", "10", "13");
    static final LocalDate POSTS_SINCE = LocalDate.of(2025, 1, 2);
    static final LocalDate ROTATION_DAY = LocalDate.of(2025, 7, 1);

    record Course(TrainingCategory category, String title, LocalDate date, String hours, boolean tested, String trainer) {
    }

    static final List<Course> COURSES = List.of(
            new Course(TrainingCategory.BUSINESS_KNOWLEDGE, "社会保险经办业务知识培训", LocalDate.of(2025, 3, 14), "4", true,
                    "县人社局业务股"),
            new Course(TrainingCategory.SERVICE_ETIQUETTE, "窗口服务礼仪与文明用语", LocalDate.of(2025, 5, 20), "2", false,
                    "中心办公室"),
            new Course(TrainingCategory.EMOTION_MANAGEMENT, "情绪管理与压力疏导", LocalDate.of(2025, 9, 12), "3", false,
                    "县心理健康服务站"),
            new Course(TrainingCategory.SERVICE_SKILLS, "好差评与投诉处理技能", LocalDate.of(2025, 11, 7), "2.5", true,
                    "市政务服务中心"));

    private DemoCentre() {
    }

    static String duties(String position) {
        return switch (position) {
            case "主任" -> "主持本单位窗口工作，负责人员调配、业务督导和疑难件审批";
            case "中心主任" -> "主持中心全面工作，负责领导坐班和重大事项协调";
            case "办公室主任" -> "负责中心日常管理、考勤考核、值班安排和制度落实";
            case "督导员" -> "负责窗口服务巡查、暗访和整改督办";
            case "审核员", "复核员" -> "负责本单位办件的审核、复核和资料归档";
            case "咨询引导员" -> "负责来访群众的咨询解答、取号引导和材料预审";
            case "投诉受理员" -> "负责投诉、意见建议的登记、转办和回访";
            case "综合受理员", "综合柜员" -> "负责综合窗口事项的受理和一次性告知";
            default -> "负责本窗口事项的受理、审核与办结，落实首问负责和一次性告知";
        };
    }

    /** A valid 18-digit ID number for the n-th demo person (made up: a check digit per GB 11643, no real person). */
    static String idNumber(int n, Gender gender) {
        int year = 1972 + (n * 7) % 28;
        int month = 1 + (n * 5) % 12;
        int day = 1 + (n * 11) % 28;
        int seq = 100 + 2 * n + (gender == Gender.MALE ? 1 : 0);
        String first17 = ADDRESS_CODE + "%04d%02d%02d%03d".formatted(year, month, day, seq % 1000);
        return first17 + ChineseIdNumber.checkCharacter(first17);
    }

    static String mobile(int n) {
        return MOBILE_PREFIXES[n % MOBILE_PREFIXES.length] + "7970" + "%04d".formatted(1000 + n * 37);
    }

    /** Loads everything through the organisation's and security's public APIs. */
    static void load(OrganizationCommands org, UserAccounts accounts) {
        long centre = org.createCentre(new CentreData(CODE, "清溪县社会保险服务中心", "Asia/Shanghai",
                "清溪县人民路88号政务服务中心二楼", "0797-5212345"));
        List<Long> deptIds = new ArrayList<>();
        List<List<Long>> staffIds = new ArrayList<>();
        int n = 0;
        for (int d = 0; d < DEPARTMENTS.size(); d++) {
            Dept dept = DEPARTMENTS.get(d);
            Person head = dept.people().getFirst();
            long deptId = org.createDepartment(new DepartmentData(centre, dept.code(), dept.name(), dept.kind(), head.name(),
                    "0797-52123" + "%02d".formatted(50 + d), d + 1));
            deptIds.add(deptId);
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < dept.people().size(); i++) {
                Person person = dept.people().get(i);
                String number = dept.prefix() + "%02d".formatted(i + 1);
                long id = org.createStaff(new StaffData(deptId, number, person.name(), person.gender(),
                        idNumber(n, person.gender()), mobile(n), person.position(), duties(person.position()), person.type(),
                        true, person.login(), person.login() == null ? null : PASSWORD,
                        person.role() == null ? null : Set.of(person.role())));
                org.uploadPhoto(id, DemoPhotos.portrait(n, person.gender() == Gender.MALE));
                ids.add(id);
                n++;
            }
            staffIds.add(ids);
        }
        accounts.create(new UserAccounts.NewAccount("admin", PASSWORD, "系统管理员", Set.of(Role.ADMIN), null, null, null));

        for (Win w : WINDOWS) {
            List<Long> ids = staffIds.get(w.dept());
            long a = ids.get(w.postA());
            long b = ids.get(w.postB());
            long windowId = org.createWindow(new WindowData(deptIds.get(w.dept()), w.number(), w.name(), w.type(),
                    w.location(), w.services(), a, b, POSTS_SINCE));
            if (ROTATED.contains(w.number())) {
                org.rotate(windowId, b, a, ROTATION_DAY, "2025年下半年定期轮岗，A/B角互换");
            }
        }

        int k = 0;
        for (List<Long> ids : staffIds) {
            for (long id : ids) {
                Course c = COURSES.get(k % COURSES.size());
                org.recordTraining(new TrainingData(id, c.category(), c.title(), c.date(), new BigDecimal(c.hours()),
                        c.tested() ? 66 + (k * 37 + 11) % 34 : null, c.trainer()));
                if (k % 3 == 0) {
                    Course extra = COURSES.get((k + 1) % COURSES.size());
                    org.recordTraining(new TrainingData(id, extra.category(), extra.title(), extra.date(),
                            new BigDecimal(extra.hours()), extra.tested() ? 68 + (k * 17 + 5) % 31 : null, extra.trainer()));
                }
                k++;
            }
        }
    }
}
