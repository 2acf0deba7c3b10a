package org.openhall.cases.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhall.cases.CaseStatus;
import org.openhall.cases.CasesFixture;
import org.openhall.cases.WarningLevel;
import org.openhall.cases.internal.CaseQueryRow;
import org.openhall.cases.internal.CaseQueryService;
import org.openhall.cases.internal.CaseSearch;
import org.openhall.organization.OrgFixture;
import org.openhall.security.CurrentUser;
import org.openhall.security.Role;
import org.openhall.security.UserAccounts;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The case lists (CASE-4, CASE-5; SEC-1 data scope, SEC-2 masking) over rows written straight into the tables:
 * the handler's work list ordered by urgency with working days left from the calendar, the clerk's own cases,
 * the centre's board with its filters, and who may open which list.
 */
class CaseListPagesTests extends CasesFixture.WebCase {

    /** Monday 2 March 2026, 10:00 in Beijing. */
    static final String START = "2026-03-02T02:00:00Z";
    static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

    @Autowired
    CaseQueryService queries;

    @Autowired
    CaseSearch search;

    CaseRows rows;
    String jyClerk;

    @BeforeEach
    void setUp() {
        at(START);
        openPages();
        o = OrgFixture.create(commands, accounts);
        rows = new CaseRows(jdbc);
        jyClerk = "t" + o.n() + "-jy-clerk";
        accounts.create(new UserAccounts.NewAccount(jyClerk, OrgFixture.PASSWORD, "刘芳", Set.of(Role.WINDOW_STAFF),
                o.centreId(), o.employment(), o.employmentStaff()[1]));
    }

    CurrentUser current(String username) {
        return ((org.openhall.security.internal.StaffUserDetails) users.loadUserByUsername(username)).user();
    }

    String html(String url, String username) throws Exception {
        return mvc.perform(get(url).with(page(username))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    Instant at(int daysAgo) {
        return CLOCK.instant().minusSeconds(86_400L * daysAgo);
    }

    /** The case numbers in the order a page lists them. */
    static List<String> numbersIn(String html, String prefix) {
        Matcher m = Pattern.compile(">(" + Pattern.quote(prefix) + "-\\d+)<").matcher(html);
        List<String> found = new java.util.ArrayList<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    @Test
    void theWorkListPutsRedThenYellowThenTheNearestDueDateFirstAndShowsWorkingDaysLeft() throws Exception {
        long clerk = o.medicalStaff()[1];
        String p = "W" + o.n();
        long later = rows.insert(o.centreId(), p, "慢特病认定", o.medical(), null, clerk, "PROCESSING", TODAY.plusDays(14), "NONE", at(3), "张三");
        long yellow = rows.insert(o.centreId(), p, "慢特病认定", o.medical(), null, clerk, "ACCEPTED", TODAY.plusDays(1), "YELLOW", at(9), "李四");
        long soon = rows.insert(o.centreId(), p, "慢特病认定", o.medical(), null, null, "ACCEPTED", TODAY.plusDays(7), "NONE", at(2), "王五");
        long red = rows.insert(o.centreId(), p, "慢特病认定", o.medical(), null, clerk, "PROCESSING", TODAY.minusDays(2), "RED", at(20), "赵六");
        long suspended = rows.insert(o.centreId(), p, "慢特病认定", o.medical(), null, clerk, "SUSPENDED", TODAY.plusDays(20), "NONE", at(5), "钱七");
        // not on the clerk's list: another handler's case, a finished case, a case of another department, a case
        // waiting for the applicant's corrections
        rows.insert(o.centreId(), p, "慢特病认定", o.medical(), null, o.medicalStaff()[2], "PROCESSING", TODAY, "RED", at(4), "孙八");
        rows.insert(o.centreId(), p, "慢特病认定", o.medical(), null, clerk, "COMPLETED", TODAY, "NONE", at(4), "周九");
        rows.insert(o.centreId(), p, "就业登记", o.employment(), null, null, "ACCEPTED", TODAY, "NONE", at(4), "吴十");
        rows.insert(o.centreId(), p, "慢特病认定", o.medical(), clerk, null, "CORRECTION_REQUIRED", null, "NONE", at(1), "郑一");

        String page = html("/cases/work", o.clerk());
        assertThat(numbersIn(page, p)).containsExactly(rows.number(red), rows.number(yellow), rows.number(soon),
                rows.number(later), rows.number(suspended));
        // working days from Monday 2 March 2026: +7 calendar days is Monday 9 March, 5 working days
        assertThat(page).contains("剩 5 个工作日").contains("超期 1 个工作日").contains("计时中止").contains("红色预警");
        // SEC-2: the applicant's name is not on the work list at all; the lists that show it mask it
        assertThat(page).doesNotContain("赵六");

        // the department head sees every open case of the department, also those of other handlers
        List<CaseQueryRow> head = queries.workList(current(o.medicalHead()));
        assertThat(head).extracting(CaseQueryRow::number).contains(rows.number(red)).hasSize(6);
        assertThat(head.get(0).effectiveWarning()).isEqualTo(WarningLevel.RED);
    }

    @Test
    void anOpenOpinionStepIsOnTheAssistingDepartmentsWorkList() throws Exception {
        String p = "J" + o.n();
        long joint = rows.insert(o.centreId(), p, "生育保险待遇申领", o.medical(), null, o.medicalStaff()[1], "PROCESSING",
                TODAY.plusDays(10), "NONE", at(2), "陈一");
        rows.step(joint, o.centreId(), "OPINION", o.employment(), null, TODAY.plusDays(3), true, null, at(1));
        String page = html("/cases/work", jyClerk);
        assertThat(numbersIn(page, p)).containsExactly(rows.number(joint));
        assertThat(page).contains("会签意见");

        // once given, the opinion is under 已办 for whoever gave it
        long done = rows.insert(o.centreId(), p, "生育保险待遇申领", o.medical(), null, null, "PROCESSING", TODAY.plusDays(10),
                "NONE", at(2), "陈二");
        rows.step(done, o.centreId(), "OPINION", o.employment(), o.employmentStaff()[1], TODAY.plusDays(3), false, jyClerk, at(1));
        assertThat(numbersIn(html("/cases/work", jyClerk), p)).containsExactly(rows.number(joint));
        assertThat(numbersIn(html("/cases/work?tab=done", jyClerk), p)).containsExactly(rows.number(done));
    }

    @Test
    void myCasesAreTheCasesIReceivedNewestFirstWithTheApplicantMasked() throws Exception {
        long clerk = o.medicalStaff()[1];
        String p = "M" + o.n();
        long first = rows.insert(o.centreId(), p, "参保登记", o.medical(), clerk, null, "COMPLETED", TODAY, "NONE", at(10), "欧阳锋");
        long second = rows.insert(o.centreId(), p, "参保登记", o.medical(), clerk, null, "CORRECTION_REQUIRED", null, "NONE", at(1), "段誉");
        rows.insert(o.centreId(), p, "参保登记", o.medical(), o.medicalStaff()[2], null, "ACCEPTED", TODAY, "NONE", at(1), "虚竹");
        String page = html("/cases/mine", o.clerk());
        assertThat(numbersIn(page, p)).containsExactly(rows.number(second), rows.number(first));
        assertThat(page).contains("欧**").contains("段*").doesNotContain("欧阳锋").doesNotContain("段誉");
        assertThat(numbersIn(html("/cases/mine?status=COMPLETED", o.clerk()), p)).containsExactly(rows.number(first));
    }

    @Test
    void theBoardFiltersAndPagesAndADepartmentHeadSeesOnlyTheirDepartment() throws Exception {
        String p = "B" + o.n();
        long red = rows.insert(o.centreId(), p, "门诊慢特病待遇认定", o.medical(), null, null, "PROCESSING", TODAY.minusDays(1), "RED", at(30), "甲");
        long jy = rows.insert(o.centreId(), p, "失业登记", o.employment(), null, null, "ACCEPTED", TODAY.plusDays(5), "NONE", at(3), "乙");
        for (int i = 0; i < 22; i++) {
            rows.insert(o.centreId(), p, "参保登记", o.medical(), null, null, "COMPLETED", TODAY, "NONE", at(40 + i), "丙");
        }
        OrgFixture.Org other = OrgFixture.create(commands, accounts);
        rows.insert(other.centreId(), p, "参保登记", other.medical(), null, null, "ACCEPTED", TODAY, "RED", at(2), "丁");

        assertThat(numbersIn(html("/cases/all?warning=RED", o.office()), p)).containsExactly(rows.number(red));
        assertThat(numbersIn(html("/cases/all?department=" + o.employment(), o.office()), p)).containsExactly(rows.number(jy));
        assertThat(numbersIn(html("/cases/all?item=慢特病", o.office()), p)).containsExactly(rows.number(red));
        assertThat(numbersIn(html("/cases/all?number=" + rows.number(jy), o.office()), p)).containsExactly(rows.number(jy));
        assertThat(numbersIn(html("/cases/all?from=" + TODAY.minusDays(4) + "&to=" + TODAY, o.office()), p))
                .containsExactly(rows.number(jy));
        String first = html("/cases/all?status=COMPLETED", o.office());
        assertThat(numbersIn(first, p)).hasSize(20);
        assertThat(first).contains("第 1 / 2 页，共 22 件");
        assertThat(numbersIn(html("/cases/all?status=COMPLETED&page=1", o.office()), p)).hasSize(2);

        // a department head asking for another department's cases gets their own department's
        assertThat(numbersIn(html("/cases/all?department=" + o.employment(), o.medicalHead()), p))
                .contains(rows.number(red)).doesNotContain(rows.number(jy));
        var headPage = search.search(current(o.employmentHead()), new CaseSearch.Filter(o.centreId(), null, null, null, null,
                null, null, null), java.time.ZoneId.of("Asia/Shanghai"), 0, 50);
        assertThat(headPage.rows()).extracting(CaseQueryRow::number).containsExactly(rows.number(jy));
        // another centre's office sees none of these
        assertThat(numbersIn(html("/cases/all", other.office()), p)).hasSize(1);
    }

    @Test
    void theLandingPageShowsEachRoleItsTabsWithCountsAndTheBoardIsClosedToClerks() throws Exception {
        String p = "L" + o.n();
        rows.insert(o.centreId(), p, "参保登记", o.medical(), o.medicalStaff()[1], o.medicalStaff()[1], "ACCEPTED",
                TODAY.plusDays(3), "YELLOW", at(1), "甲");
        String clerk = html("/cases", o.clerk());
        assertThat(clerk).contains("受理").contains("我的办件").contains("1 件在办").contains("1 项待办")
                .doesNotContain("/cases/warnings");
        String office = html("/cases", o.office());
        assertThat(office).contains("全部办件").contains("/cases/warnings").contains("/cases/stats")
                .contains("/cases/fees/reconciliation").contains("/cases/archive").contains("/cases/online")
                .contains("/cases/settings/seal").contains("黄色预警 1");
        String leader = html("/cases", o.leader());
        assertThat(leader).contains("/cases/all").doesNotContain("/cases/settings/seal").doesNotContain("/cases/intake");
        mvc.perform(get("/cases/all").with(page(o.clerk()))).andExpect(status().isForbidden());
        mvc.perform(get("/cases/intake").with(page(o.leader()))).andExpect(status().isForbidden());
        assertThat(queries.counts(current(o.clerk())).mineOpen()).isEqualTo(1);
        assertThat(CaseStatus.ACCEPTED.clockRuns()).isTrue();
    }
}
