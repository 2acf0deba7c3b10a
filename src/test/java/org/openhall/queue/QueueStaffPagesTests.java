package org.openhall.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhall.organization.OrgFixture;
import org.openhall.organization.OrganizationCommands;
import org.openhall.queue.internal.Devices;
import org.openhall.queue.internal.QueueDesk;
import org.openhall.queue.internal.QueueDesk.IssueRequest;
import org.openhall.queue.internal.QueueServices;
import org.openhall.security.Role;
import org.openhall.security.UserAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * The staff pages of the hall floor added to the console and the desk: the clerk's 过号 tickets that may come back and
 * 重新呼叫, the staff desk that issues tickets with the green channel and the special groups (Q-1, Q-3; bad input
 * and a closed hall write nothing), and the hall display's waiting counts, which are the database's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "openhall.queue.close-day.enabled=false")
@Import(QueueFixture.Config.class)
class QueueStaffPagesTests {

    @Autowired WebApplicationContext context;
    @Autowired OrganizationCommands orgCommands;
    @Autowired UserAccounts accounts;
    @Autowired QueueServices services;
    @Autowired QueueDesk desk;
    @Autowired Devices devices;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper json;

    MockMvc mvc;
    QueueFixture.Floor f;
    String clerk0;
    long w0;

    @BeforeEach
    void setUp() {
        QueueFixture.CLOCK.set(QueueFixture.OPEN);
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        f = QueueFixture.create(orgCommands, accounts, services, 2);
        w0 = f.windows()[0];
        clerk0 = "qs" + f.org().n() + "-c0";
        accounts.create(new UserAccounts.NewAccount(clerk0, OrgFixture.PASSWORD, "窗口员0", Set.of(Role.WINDOW_STAFF),
                f.centreId(), f.org().medical(), f.staff()[0]));
    }

    RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    MockHttpServletResponse perform(MockHttpServletRequestBuilder b) throws Exception {
        return mvc.perform(b).andReturn().getResponse();
    }

    MockHttpServletResponse htmx(String path, String user) throws Exception {
        return perform(post(path).with(csrf()).with(as(user)).header("HX-Request", "true"));
    }

    static Document html(MockHttpServletResponse r) throws Exception {
        return Jsoup.parse(r.getContentAsString());
    }

    String status(long ticketId) {
        return jdbc.sql("select status from q_ticket where id = :id").param("id", ticketId).query(String.class).single();
    }

    long tickets() {
        return jdbc.sql("select count(*) from q_ticket where centre_id = :c").param("c", f.centreId())
                .query(Long.class).single();
    }

    long kioskTicket() {
        return desk.issue(IssueRequest.ordinary(f.centreId(), f.serviceA(), TicketChannel.KIOSK), "test").ticket().id();
    }

    // ---- the console's skipped tickets (Q-2) ---------------------------------------------------------------------

    @Test
    void aSkippedTicketIsListedAndCalledBackOnceWithinTheReturnTime() throws Exception {
        desk.signIn(w0, f.staff()[0], "test");
        long first = kioskTicket();
        long second = kioskTicket();
        assertThat(html(perform(get("/queue/console").with(as(clerk0)))).select("#console-skipped").text())
                .contains("暂无可重新呼叫的过号号票");
        desk.callNext(w0, clerk0);
        Document skipped = html(htmx("/queue/console/" + w0 + "/skip", clerk0));
        // the panel after the skip lists it at once, with the time it may come back until (10:00 + 30 minutes)
        assertThat(skipped.select("#console-skipped tr[data-ticket-id=" + first + "]").text())
                .contains("A001", "社保登记与参保", "10:00", "10:30");
        assertThat(skipped.select("#console-skipped button.act-call-skipped").hasAttr("disabled")).isFalse();

        // busy with the next ticket: the button is disabled, and the desk's refusal is an inline message
        QueueFixture.CLOCK.advance(Duration.ofMinutes(5));
        desk.callNext(w0, clerk0);
        Document list = html(perform(get("/queue/console/" + w0 + "/skipped").with(as(clerk0))));
        assertThat(list.select("button.act-call-skipped").hasAttr("disabled")).isTrue();
        MockHttpServletResponse busy = htmx("/queue/console/" + w0 + "/skipped/" + first + "/call", clerk0);
        assertThat(busy.getHeader("X-OpenHall-Status")).isEqualTo("409");
        assertThat(html(busy).select(".console-error").text()).contains("请先办结、过号或转出当前号票");
        assertThat(status(first)).isEqualTo("SKIPPED");

        // free again: 重新呼叫 brings it back and this window calls it
        desk.start(w0, clerk0);
        desk.finish(w0, null, clerk0);
        Document back = html(htmx("/queue/console/" + w0 + "/skipped/" + first + "/call", clerk0));
        assertThat(back.select(".console-error")).isEmpty();
        assertThat(back.select(".current-number").text()).isEqualTo("A001");
        assertThat(status(first)).isEqualTo("CALLED");
        assertThat(desk.ticket(first).orElseThrow().windowId()).isEqualTo(w0);
        assertThat(status(second)).isEqualTo("DONE");
        // its one return is used: skipped again, it is not offered a second time
        Document again = html(htmx("/queue/console/" + w0 + "/skip", clerk0));
        assertThat(again.select("#console-skipped tr[data-ticket-id=" + first + "]")).isEmpty();
        MockHttpServletResponse twice = htmx("/queue/console/" + w0 + "/skipped/" + first + "/call", clerk0);
        assertThat(html(twice).select(".console-error").text()).contains("已不能重新呼叫");
        assertThat(status(first)).isEqualTo("SKIPPED");
    }

    @Test
    void aSkippedTicketPastItsReturnTimeOrOfAnotherClerkIsNotOffered() throws Exception {
        desk.signIn(w0, f.staff()[0], "test");
        desk.signIn(f.windows()[1], f.staff()[1], "test");
        long mine = kioskTicket();
        long theirs = kioskTicket();
        desk.callNext(w0, clerk0);
        desk.skip(w0, clerk0);
        desk.callNext(f.windows()[1], "other");
        desk.skip(f.windows()[1], "other");
        Document list = html(perform(get("/queue/console/" + w0 + "/skipped").with(as(clerk0))));
        assertThat(list.select("tr[data-ticket-id]").eachAttr("data-ticket-id")).containsExactly(Long.toString(mine));
        MockHttpServletResponse other = htmx("/queue/console/" + w0 + "/skipped/" + theirs + "/call", clerk0);
        assertThat(html(other).select(".console-error").text()).contains("已不能重新呼叫");
        assertThat(status(theirs)).isEqualTo("SKIPPED");

        QueueFixture.CLOCK.advance(Duration.ofMinutes(31));
        assertThat(html(perform(get("/queue/console/" + w0 + "/skipped").with(as(clerk0)))).select("tr[data-ticket-id]"))
                .isEmpty();
        MockHttpServletResponse late = htmx("/queue/console/" + w0 + "/skipped/" + mine + "/call", clerk0);
        assertThat(html(late).select(".console-error").text()).contains("已不能重新呼叫");
        assertThat(status(mine)).isEqualTo("SKIPPED");
    }

    // ---- the staff desk (Q-1, Q-3) -------------------------------------------------------------------------------

    @Test
    void theDeskIssuesGreenChannelAndSpecialGroupTicketsOnChannelStaff() throws Exception {
        Document form = html(perform(get("/queue/desk").with(as(f.org().office()))));
        assertThat(form.select("input[name=serviceId]")).hasSize(2);
        assertThat(form.select("input[name=kind]").eachAttr("value"))
                .containsExactly("ORDINARY", "ELDERLY", "DISABLED", "PREGNANT", "MILITARY", "GREEN_CHANNEL");
        assertThat(form.select(".desk-kinds").text()).contains("普通", "老年人", "残疾人", "孕妇", "军人", "绿色通道");
        assertThat(form.select("nav a[href='/queue/desk']").text()).isEqualTo("导服台取号");

        MockHttpServletResponse green = perform(post("/queue/desk/tickets").with(csrf()).with(as(f.org().supervisor()))
                .param("serviceId", Long.toString(f.serviceA())).param("kind", "GREEN_CHANNEL")
                .param("mobile", "138 0013 8000"));
        assertThat(green.getRedirectedUrl()).matches("/queue/desk/tickets/\\d+\\?new=1");
        long id = Long.parseLong(green.getRedirectedUrl().replaceAll(".*/tickets/(\\d+).*", "$1"));
        Map<String, Object> row = jdbc.sql("select channel, priority_class, priority_reason, applicant_mobile from q_ticket"
                + " where id = :id").param("id", id).query().singleRow();
        assertThat(row).containsEntry("channel", "STAFF").containsEntry("priority_class", "GREEN_CHANNEL")
                .containsEntry("applicant_mobile", "13800138000");
        assertThat(row.get("priority_reason")).isNull();
        long audit = jdbc.sql("select count(*) from q_ticket_history where ticket_id = :id and action = 'ISSUE'")
                .param("id", id).query(Long.class).single();
        assertThat(audit).isEqualTo(1);

        // the printed ticket: the kiosk's slip, 80 mm by default, A4 on request, printed at once when new
        Document slip = html(perform(get(green.getRedirectedUrl()).with(as(f.org().supervisor()))));
        assertThat(slip.select("html").hasClass("paper-80")).isTrue();
        assertThat(slip.select("body").attr("data-autoprint")).isEqualTo("true");
        assertThat(slip.select(".ticket-slip .slip-number").text()).isEqualTo("A001");
        assertThat(slip.select(".ticket-slip .slip-qr img").attr("src")).startsWith("data:image/png;base64,");
        assertThat(slip.select(".done-text").text()).isEqualTo("绿色通道");
        Document a4 = html(perform(get("/queue/desk/tickets/" + id + "?paper=a4").with(as(f.org().office()))));
        assertThat(a4.select("html").hasClass("paper-a4")).isTrue();
        assertThat(a4.select("body").attr("data-autoprint")).isEqualTo("false");

        // a special group with the reason the kiosk records, issued by a window clerk
        MockHttpServletResponse elderly = perform(post("/queue/desk/tickets").with(csrf()).with(as(clerk0))
                .param("serviceId", Long.toString(f.serviceB())).param("kind", "ELDERLY").param("mobile", ""));
        long eid = Long.parseLong(elderly.getRedirectedUrl().replaceAll(".*/tickets/(\\d+).*", "$1"));
        QueueDesk.TicketView t = desk.ticket(eid).orElseThrow();
        assertThat(t.channel()).isEqualTo(TicketChannel.STAFF);
        assertThat(t.priority()).isEqualTo(PriorityClass.SPECIAL);
        assertThat(t.reason()).isEqualTo(PriorityReason.ELDERLY);
        assertThat(t.number()).isEqualTo("B001");
    }

    @Test
    void badInputAndAClosedHallAreInlineMessagesAndWriteNothing() throws Exception {
        long before = tickets();
        MockHttpServletResponse none = perform(post("/queue/desk/tickets").with(csrf()).with(as(clerk0))
                .param("kind", "SOMETHING").param("mobile", "12345"));
        assertThat(none.getStatus()).isEqualTo(400);
        Document d = html(none);
        assertThat(d.select("#service-err").text()).isEqualTo("请选择办理业务");
        assertThat(d.select("#kind-err").text()).isEqualTo("请选择号票类别");
        assertThat(d.select("#mobile-err").text()).isNotBlank();
        assertThat(d.select("#mobile").attr("value")).isEqualTo("12345");
        // a service of another centre, a service id that is not a number
        QueueFixture.Floor other = QueueFixture.create(orgCommands, accounts, services, 1);
        assertThat(perform(post("/queue/desk/tickets").with(csrf()).with(as(clerk0))
                .param("serviceId", Long.toString(other.serviceA())).param("kind", "ORDINARY")).getStatus()).isEqualTo(400);
        assertThat(perform(post("/queue/desk/tickets").with(csrf()).with(as(clerk0))
                .param("serviceId", "x").param("kind", "ORDINARY")).getStatus()).isEqualTo(400);
        assertThat(tickets()).isEqualTo(before);

        // 20:00: the hall is closed — said on the form, and the desk refuses
        QueueFixture.CLOCK.set(Instant.parse("2026-09-28T12:00:00Z"));
        Document closed = html(perform(get("/queue/desk").with(as(clerk0))));
        assertThat(closed.select(".desk-closed").text()).contains("不在取号时间", "08:30");
        assertThat(closed.select("button.desk-submit").hasAttr("disabled")).isTrue();
        MockHttpServletResponse refused = perform(post("/queue/desk/tickets").with(csrf()).with(as(clerk0))
                .param("serviceId", Long.toString(f.serviceA())).param("kind", "GREEN_CHANNEL"));
        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(html(refused).select(".desk-error").text()).isNotBlank();
        assertThat(tickets()).isEqualTo(before);
    }

    @Test
    void onlyDeskRolesOfTheCentreUseTheDeskAndSeeItsTickets() throws Exception {
        assertThat(perform(get("/queue/desk").with(as(f.org().medicalHead()))).getStatus()).isEqualTo(403);
        assertThat(perform(get("/queue/desk").with(as(f.org().leader()))).getStatus()).isEqualTo(403);
        assertThat(perform(get("/queue/desk").with(as(f.org().supervisor()))).getStatus()).isEqualTo(200);
        // a kiosk ticket is not the desk's, a desk ticket of another centre is not this centre's
        long kiosk = kioskTicket();
        assertThat(perform(get("/queue/desk/tickets/" + kiosk).with(as(clerk0))).getStatus()).isEqualTo(404);
        QueueFixture.Floor other = QueueFixture.create(orgCommands, accounts, services, 1);
        long foreign = desk.issue(IssueRequest.ordinary(other.centreId(), other.serviceA(), TicketChannel.STAFF), "test")
                .ticket().id();
        assertThat(perform(get("/queue/desk/tickets/" + foreign).with(as(clerk0))).getStatus()).isEqualTo(404);
        assertThat(html(perform(get("/").with(as(f.org().medicalHead())))).select("nav a[href='/queue/desk']")).isEmpty();
    }

    // ---- the hall display's waiting counts (Q-4) ---------------------------------------------------------------

    @Test
    void theFloorOfAnUnknownCentreIsTheErrorPageWith404() throws Exception {
        var result = mvc.perform(get("/queue/floor").param("centre", "987654321").with(as(f.org().admin())))
                .andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(404);
        assertThat(result.getModelAndView().getViewName()).isEqualTo("error");
        assertThat(result.getModelAndView().getModel()).containsEntry("status", 404);
    }

    @Test
    void theHallDisplaysWaitingCountsAreTheDatabases() throws Exception {
        String hall = devices.issue(f.centreId(), DeviceKind.HALL_DISPLAY, "大厅", null).token();
        desk.signIn(w0, f.staff()[0], "test");
        desk.signIn(f.windows()[1], f.staff()[1], "test");
        long a1 = kioskTicket();
        kioskTicket();
        long a3 = kioskTicket();
        desk.issue(IssueRequest.ordinary(f.centreId(), f.serviceB(), TicketChannel.STAFF), "test");
        desk.callNext(w0, "test");
        desk.skip(w0, "test");
        desk.comeBack(a1, "test");
        desk.cancel(a3, "test");
        desk.callNext(f.windows()[1], "test");
        desk.transfer(f.windows()[1], f.serviceB(), null, "转医保", "test");
        Map<String, Integer> shown = waiting(hall);
        Map<Long, Integer> expected = Map.of(f.serviceA(), waitingIn(f.serviceA()), f.serviceB(), waitingIn(f.serviceB()));
        assertThat(expected).isEqualTo(Map.of(f.serviceA(), 1, f.serviceB(), 2));
        assertThat(shown).isEqualTo(Map.of(Long.toString(f.serviceA()), 1, Long.toString(f.serviceB()), 2));
        // only a hall display's token
        String kiosk = devices.issue(f.centreId(), DeviceKind.KIOSK, "取号机", null).token();
        assertThat(perform(get("/devices/" + kiosk + "/hall/waiting")).getStatus()).isEqualTo(404);
    }

    int waitingIn(long service) {
        return jdbc.sql("select count(*) from q_ticket where service_id = :s and status = 'WAITING'").param("s", service)
                .query(Integer.class).single();
    }

    @SuppressWarnings("unchecked")
    Map<String, Integer> waiting(String token) throws Exception {
        MockHttpServletResponse r = perform(get("/devices/" + token + "/hall/waiting"));
        assertThat(r.getStatus()).isEqualTo(200);
        assertThat(r.getHeader("Cache-Control")).contains("no-store");
        return (Map<String, Integer>) json.readValue(r.getContentAsString(), Map.class).get("waiting");
    }
}
