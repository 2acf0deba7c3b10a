package org.openhall.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhall.attendance.internal.LeaveForm;
import org.openhall.attendance.internal.LeaveLeaders;
import org.openhall.attendance.internal.LeaveRequests;
import org.openhall.attendance.internal.LeaveStage;
import org.openhall.notification.Inbox;
import org.openhall.notification.Message;
import org.openhall.notification.Notifications;
import org.openhall.organization.OrgFixture;
import org.openhall.organization.OrganizationCommands;
import org.openhall.security.CurrentUser;
import org.openhall.security.UserAccounts;
import org.openhall.shared.DomainException;
import org.openhall.test.Http;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * ATT-2 leave requests against the database (H2 by default, PostgreSQL with {@code -Ddb=postgresql}): the chain chosen
 * by length and type and resolved to people, the approvers' queues, joint approval by all principal leaders, filing with
 * the centre office, LeaveApi after approval, messages to the applicant and the stand-in, withdrawal and revocation,
 * every refusal with nothing written, and the REST API with its problem details.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(LeaveFixture.Config.class)
class LeaveTests {

    static final LocalDate MON = LeaveFixture.MON;
    static final LocalDate TUE = MON.plusDays(1);
    static final LocalDate WED = MON.plusDays(2);
    static final LocalDate THU = MON.plusDays(3);
    static final LocalDate FRI = MON.plusDays(4);

    @Autowired
    OrganizationCommands org;

    @Autowired
    UserAccounts accounts;

    @Autowired
    LeaveLeaders leaders;

    @Autowired
    LeaveRequests requests;

    @Autowired
    LeaveApi leaveApi;

    @Autowired
    Notifications notifications;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    LeaveFixture.Centre c;

    @BeforeEach
    void centre() {
        LeaveFixture.CLOCK.set(LeaveFixture.NOW);
        c = LeaveFixture.create(org, accounts, leaders);
    }

    CurrentUser user(String username) {
        UserAccounts.Account a = accounts.findByUsername(username).orElseThrow();
        return new CurrentUser(a.id(), a.username(), a.displayName(), a.roles(), a.centreId(), a.departmentId(),
                a.staffId());
    }

    static LeaveForm form(LeaveType type, LocalDate from, LocalDate to, @Nullable Long standIn) {
        return new LeaveForm(type, from, false, to, false, "家中老人住院需陪护", standIn, false);
    }

    long count() {
        return jdbc.sql("select count(*) from att_leave_request where centre_id = ?").param(c.centreId())
                .query(Long.class).single();
    }

    long audits(long requestId) {
        return jdbc.sql("select count(*) from audit_log where entity_type = 'LeaveRequest' and entity_id = ?")
                .param(Long.toString(requestId)).query(Long.class).single();
    }

    List<Message> awaitMessages(long staffId, int atLeast) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            List<Message> m = notifications.messages(Inbox.staff(staffId), 20);
            if (m.size() >= atLeast) {
                return m;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("fewer than " + atLeast + " messages for staff " + staffId);
    }

    @Test
    void oneDayIsApprovedByTheUnitHeadAlone() {
        CurrentUser clerk = user(c.org().clerk());
        var chain = requests.preview(clerk, form(LeaveType.PERSONAL, TUE, TUE, null));
        assertThat(chain.stages()).extracting(LeaveRequests.PlannedStage::stage).containsExactly(LeaveStage.UNIT_HEAD);
        assertThat(chain.stages().getFirst().approvers().getFirst().name()).isEqualTo("李秀英");

        long id = requests.submit(clerk, form(LeaveType.PERSONAL, TUE, TUE, null));
        CurrentUser head = user(c.org().medicalHead());
        assertThat(requests.queue(head)).extracting(i -> i.request().id()).containsExactly(id);
        assertThat(requests.queue(user(c.leader1()))).isEmpty();
        assertThat(requests.queue(user(c.org().employmentHead()))).as("another department's head").isEmpty();

        requests.decide(head, id, true, "同意，注意做好交接");
        LeaveRequests.Request r = requests.find(id).orElseThrow();
        assertThat(r.status()).isEqualTo("APPROVED");
        assertThat(r.filedAt()).as("not filed: approved by the unit head").isNull();
        assertThat(leaveApi.isOnLeave(c.clerk(), TUE.atTime(10, 0))).isTrue();
        assertThat(leaveApi.isOnLeave(c.clerk(), WED.atTime(10, 0))).isFalse();
        assertThat(requests.queue(head)).isEmpty();
        assertThat(audits(id)).isEqualTo(2);
        var steps = requests.steps(id);
        assertThat(steps).singleElement().satisfies(s -> {
            assertThat(s.status()).isEqualTo("APPROVED");
            assertThat(s.decidedBy()).isEqualTo("李秀英");
            assertThat(s.comment()).isEqualTo("同意，注意做好交接");
            assertThat(s.decidedAt()).isEqualTo(LeaveFixture.NOW);
        });
    }

    @Test
    void upToTwoDaysTheDeputyLeaderApprovesAndTheOfficeHasItFiled() throws InterruptedException {
        CurrentUser clerk = user(c.org().clerk());
        // Tuesday afternoon to Thursday noon: 1.5 working days
        long id = requests.submit(clerk, new LeaveForm(LeaveType.SICK, TUE, true, THU, true, "发烧需门诊输液", null, false));
        LeaveRequests.Request r = requests.find(id).orElseThrow();
        assertThat(r.days()).isEqualByComparingTo("2");
        assertThat(r.chain()).isEqualTo("DEPUTY_LEADER");
        assertThat(requests.queue(user(c.org().medicalHead()))).isEmpty();
        assertThat(requests.queue(user(c.leader1()))).as("王丽娟 is deputy of the other department").isEmpty();
        requests.decide(user(c.leader2()), id, true, null);
        r = requests.find(id).orElseThrow();
        assertThat(r.status()).isEqualTo("APPROVED");
        assertThat(r.filedAt()).isEqualTo(LeaveFixture.NOW);
        assertThat(requests.overview(c.centreId(), null, true, MON, FRI)).extracting(LeaveRequests.Request::id)
                .containsExactly(id);
        assertThat(awaitMessages(c.clerk(), 1).getFirst().subject()).isEqualTo("您的请假申请已批准");
    }

    @Test
    void overTwoDaysAllPrincipalLeadersApproveAndTheStandInIsTold() throws InterruptedException {
        CurrentUser clerk = user(c.org().clerk());
        var chain = requests.preview(clerk, form(LeaveType.PERSONAL, TUE, THU, c.standIn()));
        assertThat(chain.standInRequired()).isTrue();
        assertThat(chain.stages()).singleElement().satisfies(s -> {
            assertThat(s.stage()).isEqualTo(LeaveStage.PRINCIPAL_LEADERS);
            assertThat(s.approvers()).extracting(LeaveRequests.Approver::name).containsExactly("王丽娟", "郑国平");
        });
        long id = requests.submit(clerk, form(LeaveType.PERSONAL, TUE, THU, c.standIn()));
        assertThat(requests.queue(user(c.leader1()))).hasSize(1);
        assertThat(requests.queue(user(c.leader2()))).hasSize(1);

        requests.decide(user(c.leader1()), id, true, "同意");
        assertThat(requests.find(id).orElseThrow().status()).as("one of two").isEqualTo("PENDING");
        assertThat(leaveApi.isOnLeave(c.clerk(), WED.atTime(10, 0))).isFalse();
        assertThat(requests.queue(user(c.leader1()))).isEmpty();
        assertThatThrownBy(() -> requests.decide(user(c.leader1()), id, true, null))
                .isInstanceOf(DomainException.class).hasMessage("att.leave.decide.not-in-queue");

        requests.decide(user(c.leader2()), id, true, "同意，替岗安排妥当");
        assertThat(requests.find(id).orElseThrow().status()).isEqualTo("APPROVED");
        assertThat(leaveApi.approvedLeaveOf(c.clerk(), MON, FRI)).singleElement()
                .satisfies(l -> assertThat(l.standInStaffId()).isEqualTo(c.standIn()));
        List<Message> told = awaitMessages(c.standIn(), 1);
        assertThat(told.getFirst().subject()).contains("替岗", "张伟");
        assertThat(told.getFirst().body()).contains("2026-11-03", "2026-11-05");
    }

    @Test
    void aRejectionEndsTheRequestAndNeedsAComment() {
        CurrentUser clerk = user(c.org().clerk());
        long id = requests.submit(clerk, form(LeaveType.PERSONAL, TUE, THU, c.standIn()));
        assertThatThrownBy(() -> requests.decide(user(c.leader1()), id, false, " "))
                .isInstanceOf(DomainException.class).hasMessage("att.leave.decide.comment-required");
        assertThat(requests.steps(id)).allMatch(s -> s.status().equals("PENDING"));
        requests.decide(user(c.leader1()), id, false, "近期窗口业务量大，请调整时间");
        assertThat(requests.find(id).orElseThrow().status()).isEqualTo("REJECTED");
        assertThat(requests.steps(id)).extracting(LeaveRequests.Step::status).containsExactly("REJECTED", "CANCELLED");
        assertThat(requests.queue(user(c.leader2()))).isEmpty();
    }

    @Test
    void refusalsWriteNothing() {
        CurrentUser clerk = user(c.org().clerk());
        long before = count();
        // end before start
        assertRefused(() -> requests.submit(clerk, form(LeaveType.PERSONAL, WED, TUE, null)), "att.leave.end-before-start");
        // over 30 working days, not maternity
        assertRefused(() -> requests.submit(clerk, form(LeaveType.SICK, TUE, TUE.plusDays(50), c.standIn())),
                "att.leave.too-long");
        // over two days without a stand-in
        assertRefused(() -> requests.submit(clerk, form(LeaveType.PERSONAL, TUE, THU, null)), "att.leave.stand-in-required");
        // the applicant as stand-in
        assertRefused(() -> requests.submit(clerk, form(LeaveType.PERSONAL, TUE, THU, c.clerk())), "att.leave.stand-in-self");
        // a stand-in of another centre
        OrgFixture.Org other = OrgFixture.create(org, accounts);
        assertRefused(() -> requests.submit(clerk, form(LeaveType.PERSONAL, TUE, THU, other.medicalStaff()[1])),
                "att.leave.stand-in-other-centre");
        // no reason
        assertRefused(() -> requests.submit(clerk, new LeaveForm(LeaveType.PERSONAL, TUE, false, TUE, false, " ", null,
                false)), "att.leave.reason-required");
        // a weekend only
        assertRefused(() -> requests.submit(clerk, form(LeaveType.PERSONAL, MON.plusDays(5), MON.plusDays(6), null)),
                "att.leave.no-working-day");
        // the past without 事后补办
        assertRefused(() -> requests.submit(clerk, form(LeaveType.SICK, MON.minusDays(3), MON, null)),
                "att.leave.start-past");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void overlapsOfTheApplicantAndOfTheStandInAreRefused() {
        CurrentUser clerk = user(c.org().clerk());
        long first = requests.submit(clerk, form(LeaveType.PERSONAL, WED, WED, null));
        long before = count();
        assertRefused(() -> requests.submit(clerk, new LeaveForm(LeaveType.SICK, TUE, false, WED, true, "看病", null, false)),
                "att.leave.overlap");
        // the afternoon of the day before does not overlap
        requests.submit(clerk, new LeaveForm(LeaveType.SICK, TUE, true, TUE, false, "看病", null, false));
        before++;

        // the stand-in with leave pending at that time, then approved
        CurrentUser standIn = user(c.standInLogin());
        long theirs = requests.submit(standIn, form(LeaveType.ANNUAL, FRI.plusDays(3), FRI.plusDays(3), null));
        before++;
        CurrentUser colleague = user(c.org().medicalHead());
        assertRefused(() -> requests.submit(colleague, form(LeaveType.PERSONAL, FRI, FRI.plusDays(4), c.standIn())),
                "att.leave.stand-in-on-leave");
        requests.decide(user(c.leader1()), theirs, true, null);
        requests.decide(user(c.leader2()), theirs, true, null);
        assertThat(leaveApi.isOnLeave(c.standIn(), FRI.plusDays(3).atTime(9, 0))).isTrue();
        assertRefused(() -> requests.submit(colleague, form(LeaveType.PERSONAL, FRI, FRI.plusDays(4), c.standIn())),
                "att.leave.stand-in-on-leave");
        assertThat(count()).isEqualTo(before);
        // withdrawn leave no longer blocks
        requests.withdraw(clerk, first);
        requests.submit(clerk, form(LeaveType.PERSONAL, WED, WED, null));
    }

    @Test
    void nobodyDecidesTheirOwnRequestOrOneNotInTheirQueue() {
        // the unit head's own leave goes to the deputy leader of the department
        CurrentUser head = user(c.org().medicalHead());
        long own = requests.submit(head, form(LeaveType.PERSONAL, TUE, TUE, null));
        assertThat(requests.steps(own)).singleElement().satisfies(s -> {
            assertThat(s.stage()).isEqualTo(LeaveStage.DEPUTY_LEADER);
            assertThat(s.approverStaffId()).isEqualTo(c.principal2());
        });
        assertThat(requests.queue(head)).isEmpty();
        assertRefused(() -> requests.decide(head, own, true, null), "att.leave.decide.own");

        long clerks = requests.submit(user(c.org().clerk()), form(LeaveType.PERSONAL, WED, WED, null));
        assertRefused(() -> requests.decide(user(c.leader1()), clerks, true, null), "att.leave.decide.not-in-queue");
        assertRefused(() -> requests.decide(user(c.org().employmentHead()), clerks, true, null),
                "att.leave.decide.not-in-queue");
        assertRefused(() -> requests.withdraw(head, clerks), "att.leave.not-yours");
        // another department's head neither decides nor sees it; the request's own unit head sees it
        assertRefused(() -> requests.detail(user(c.org().employmentHead()), clerks), "att.leave.not-visible");
        assertThat(requests.detail(head, clerks).canDecide()).isTrue();
        assertThat(requests.detail(user(c.leader1()), clerks).canDecide()).isFalse();
        assertThat(requests.steps(clerks)).allMatch(s -> s.status().equals("PENDING"));
        assertThat(requests.find(clerks).orElseThrow().status()).isEqualTo("PENDING");

        // a principal leader's own long leave goes to the other principal leaders only
        long leaders = requests.submit(user(c.leader1()), form(LeaveType.PERSONAL, TUE, THU, c.principal2()));
        assertThat(requests.steps(leaders)).extracting(LeaveRequests.Step::approverStaffId).containsExactly(c.principal2());
    }

    @Test
    void maternityLeaveMayExceedThirtyDaysAndAnnualLeaveHasItsOwnChain() {
        CurrentUser standIn = user(c.standInLogin());
        long maternity = requests.submit(standIn, form(LeaveType.MATERNITY, MON.plusDays(7), LocalDate.of(2026, 12, 31),
                c.clerk()));
        LeaveRequests.Request r = requests.find(maternity).orElseThrow();
        assertThat(r.days()).isGreaterThan(new java.math.BigDecimal(30));
        assertThat(r.chain()).isEqualTo("PRINCIPAL_LEADERS");
        // a year whose calendar is not loaded cannot be counted
        assertRefused(() -> requests.submit(user(c.org().clerk()), form(LeaveType.SICK, LocalDate.of(2027, 3, 1),
                LocalDate.of(2027, 3, 2), null)), "att.leave.calendar-missing");

        long annual = requests.submit(user(c.org().clerk()), form(LeaveType.ANNUAL, TUE, TUE, null));
        r = requests.find(annual).orElseThrow();
        assertThat(r.chain()).isEqualTo("ANNUAL");
        assertThat(r.fileWithOffice()).isTrue();
        assertThat(requests.steps(annual)).extracting(LeaveRequests.Step::stage)
                .containsExactly(LeaveStage.PRINCIPAL_LEADERS, LeaveStage.PRINCIPAL_LEADERS);
    }

    @Test
    void emergencyLeaveIsFiledAfterItBeganAndCountsFromItsStart() {
        LeaveFixture.CLOCK.set(LeaveFixture.NOW.plusSeconds(3 * 3600)); // Monday 12:00
        CurrentUser clerk = user(c.org().clerk());
        assertRefused(() -> requests.submit(clerk, new LeaveForm(LeaveType.SICK, TUE, false, TUE, false, "急诊", null, true)),
                "att.leave.emergency-not-begun");
        long id = requests.submit(clerk, new LeaveForm(LeaveType.SICK, MON, false, MON, false,
                "上午突发急性肠胃炎就医，已电话告知部门负责人", null, true));
        LeaveRequests.Request r = requests.find(id).orElseThrow();
        assertThat(r.emergency()).isTrue();
        assertThat(r.start()).isEqualTo(MON.atStartOfDay());
        assertThat(r.chain()).isEqualTo("UNIT_HEAD");
        requests.decide(user(c.org().medicalHead()), id, true, null);
        assertThat(leaveApi.isOnLeave(c.clerk(), MON.atTime(9, 0))).isTrue();
    }

    @Test
    void withdrawAndRevoke() throws InterruptedException {
        CurrentUser clerk = user(c.org().clerk());
        long pending = requests.submit(clerk, form(LeaveType.PERSONAL, TUE, TUE, null));
        requests.withdraw(clerk, pending);
        assertThat(requests.find(pending).orElseThrow().status()).isEqualTo("WITHDRAWN");
        assertThat(requests.queue(user(c.org().medicalHead()))).isEmpty();
        assertRefused(() -> requests.withdraw(clerk, pending), "att.leave.withdraw.not-pending");

        long id = requests.submit(clerk, form(LeaveType.PERSONAL, WED, FRI, c.standIn()));
        requests.decide(user(c.leader1()), id, true, null);
        requests.decide(user(c.leader2()), id, true, null);
        assertRefused(() -> requests.askRevocation(clerk, id, " "), "att.leave.revoke.reason-required");
        requests.askRevocation(clerk, id, "家中事务已处理完毕，提前返岗");
        assertThat(requests.queue(user(c.leader2()))).singleElement().satisfies(i -> assertThat(i.revocation()).isTrue());
        assertRefused(() -> requests.decideRevocation(user(c.org().medicalHead()), id, true, null),
                "att.leave.decide.not-in-queue");
        requests.decideRevocation(user(c.leader2()), id, true, "同意销假");
        assertThat(requests.find(id).orElseThrow().status()).isEqualTo("REVOKED");
        assertThat(leaveApi.approvedLeaveOf(c.clerk(), MON, FRI)).isEmpty();
        assertThat(requests.queue(user(c.leader1()))).isEmpty();
        assertThat(awaitMessages(c.standIn(), 2)).extracting(Message::subject).anyMatch(s -> s.contains("替岗取消"));
        assertThat(requests.detail(clerk, id).decisions()).extracting(LeaveRequests.Decision::action)
                .containsExactly("SUBMIT", "APPROVE", "APPROVE", "REVOKE_REQUEST", "REVOKE_CONFIRM");
    }

    @Test
    void leaderSettingsTakeOnlyLeaders() {
        assertRefused(() -> leaders.save(c.centreId(), List.of(c.clerk()), java.util.Map.of(), "test"),
                "att.leave.settings.not-leader");
        assertRefused(() -> leaders.save(c.centreId(), List.of(), java.util.Map.of(), "test"),
                "att.leave.settings.principal-required");
        assertThat(leaders.setup(c.centreId()).principals()).containsExactly(c.principal1(), c.principal2());
        leaders.save(c.centreId(), List.of(c.principal2()), java.util.Map.of(c.org().medical(), c.principal1()), "test");
        var setup = leaders.setup(c.centreId());
        assertThat(setup.principals()).containsExactly(c.principal2());
        assertThat(setup.deputies()).containsOnlyKeys(c.org().medical()).containsValue(c.principal1());
        // a department without a deputy: its two-day leave cannot be filed until one is set
        assertRefused(() -> requests.submit(user(c.org().employmentHead()), form(LeaveType.PERSONAL, TUE, WED, null)),
                "att.leave.chain.no-deputy");
    }

    @Test
    void theApiFilesListsDecidesAndExplainsRefusalsInChinese() {
        Http http = new Http(port);
        String clerk = Http.basic(c.org().clerk(), OrgFixture.PASSWORD);
        HttpResponse<String> bad = http.postJson("/api/v1/attendance/leave", """
                {"type":"PERSONAL","startDay":"2026-11-05","endDay":"2026-11-04","reason":"事由"}""",
                "Authorization", clerk);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("结束时间不能早于开始时间", "detail_en");
        HttpResponse<String> noStandIn = http.postJson("/api/v1/attendance/leave", """
                {"type":"PERSONAL","startDay":"2026-11-03","endDay":"2026-11-05","reason":"事由"}""",
                "Authorization", clerk);
        assertThat(noStandIn.statusCode()).isEqualTo(400);
        assertThat(noStandIn.body()).contains("替岗人员");
        assertThat(count()).isZero();

        HttpResponse<String> chain = http.postJson("/api/v1/attendance/leave/chain", """
                {"type":"SICK","startDay":"2026-11-03","startHalf":"PM","endDay":"2026-11-04","reason":"看病"}""",
                "Authorization", clerk);
        assertThat(chain.statusCode()).isEqualTo(200);
        assertThat(chain.body()).contains("\"rule\":\"DEPUTY_LEADER\"", "\"days\":1.5", "郑国平", "\"fileWithOffice\":true");

        HttpResponse<String> created = http.postJson("/api/v1/attendance/leave", """
                {"type":"PERSONAL","startDay":"2026-11-03","endDay":"2026-11-05","reason":"回老家办理房产手续",
                 "standInStaffId":%d}""".formatted(c.standIn()), "Authorization", clerk);
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.body()).contains("\"status\":\"PENDING\"", "王丽娟", "郑国平");
        long id = requests.mine(user(c.org().clerk())).getFirst().id();

        assertThat(http.get("/api/v1/attendance/leave", "Authorization", clerk).body()).contains("回老家办理房产手续");
        String leader1 = Http.basic(c.leader1(), OrgFixture.PASSWORD);
        assertThat(http.get("/api/v1/attendance/leave/queue", "Authorization", leader1).body()).contains("\"id\":" + id);
        HttpResponse<String> own = http.postJson("/api/v1/attendance/leave/" + id + "/decision", """
                {"decision":"APPROVE"}""", "Authorization", clerk);
        assertThat(own.statusCode()).isEqualTo(403);
        assertThat(own.body()).contains("不能审批本人的请假申请");
        HttpResponse<String> ok = http.postJson("/api/v1/attendance/leave/" + id + "/decision", """
                {"decision":"APPROVE","comment":"同意"}""", "Authorization", leader1);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).contains("\"status\":\"PENDING\"", "\"comment\":\"同意\"");
        HttpResponse<String> withdrawn = http.postJson("/api/v1/attendance/leave/" + id + "/withdraw", "{}",
                "Authorization", clerk);
        assertThat(withdrawn.statusCode()).isEqualTo(200);
        assertThat(withdrawn.body()).contains("\"status\":\"WITHDRAWN\"");
        HttpResponse<String> late = http.postJson("/api/v1/attendance/leave/" + id + "/decision", """
                {"decision":"APPROVE"}""", "Authorization", Http.basic(c.leader2(), OrgFixture.PASSWORD));
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(late.body()).contains("该申请已不在审批中");
    }

    static void assertRefused(Runnable action, String key) {
        assertThatThrownBy(action::run).isInstanceOf(DomainException.class).hasMessage(key);
    }
}
