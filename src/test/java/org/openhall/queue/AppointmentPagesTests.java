package org.openhall.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhall.organization.OrganizationCommands;
import org.openhall.queue.AppointmentFixture.Hall;
import org.openhall.queue.AppointmentFixture.Person;
import org.openhall.queue.internal.Appointments;
import org.openhall.queue.internal.QueueServices;
import org.openhall.security.UserAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Q-7 pages: the public booking form shows bad input next to its fields (400) and a full slot as a message (409), with
 * nothing written; the look-up answers a wrong mobile like an unknown code and never shows the booking; bookings from
 * one address are limited (429); the staff page is for the roles of the navigation, masks names for window staff and
 * lets only the centre office change a capacity.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "openhall.queue.close-day.enabled=false")
@Import(QueueFixture.Config.class)
class AppointmentPagesTests {

    static final LocalDate TUE = LocalDate.of(2026, 9, 29);
    private static final AtomicInteger IP = new AtomicInteger();

    @Autowired
    OrganizationCommands org;

    @Autowired
    UserAccounts accounts;

    @Autowired
    QueueServices services;

    @Autowired
    Appointments appointments;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    @Autowired
    WebApplicationContext context;

    MockMvc mvc;
    Hall h;

    @BeforeEach
    void setUp() {
        QueueFixture.CLOCK.set(QueueFixture.OPEN);
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        h = AppointmentFixture.create(org, accounts, services, appointments, 1);
    }

    static String freshIp() {
        int n = IP.incrementAndGet();
        return "10.8." + (n / 250) + "." + (n % 250 + 1);
    }

    MockHttpServletResponse call(MockHttpServletRequestBuilder r, String ip) throws Exception {
        return mvc.perform(r.with(req -> {
            req.setRemoteAddr(ip);
            return req;
        })).andReturn().getResponse();
    }

    MockHttpServletResponse bookPage(Appointments.SlotView s, Person p, String ip) throws Exception {
        return call(post("/public/centres/" + h.org().code() + "/appointments/slots/" + s.id()).with(csrf())
                .param("name", p.name()).param("idNumber", p.idNumber()).param("mobile", p.mobile()), ip);
    }

    int bookings() {
        return jdbc.sql("select count(*) from q_appointment where centre_id = :c").param("c", h.centreId())
                .query(Integer.class).single();
    }

    @Test
    void theBookingFormShowsErrorsAtTheirFieldsAndAFullSlotAsAMessage() throws Exception {
        Appointments.SlotView s = AppointmentFixture.slot(appointments, h, TUE, LocalTime.of(10, 0));
        MockHttpServletResponse bad = bookPage(s, new Person("", "110105198001010000", "1234"), freshIp());
        assertThat(bad.getStatus()).isEqualTo(400);
        Document doc = Jsoup.parse(bad.getContentAsString());
        assertThat(doc.select("#name-err").text()).isEqualTo("请填写姓名");
        assertThat(doc.select("#idNumber-err").text()).contains("身份证号码");
        assertThat(doc.select("#mobile-err").text()).contains("手机号码无效");
        assertThat(bookings()).isZero();

        MockHttpServletResponse ok = bookPage(s, AppointmentFixture.person(), freshIp());
        assertThat(ok.getStatus()).isEqualTo(302);
        assertThat(ok.getRedirectedUrl()).endsWith("/appointments/confirmation");

        MockHttpServletResponse full = bookPage(s, AppointmentFixture.person(), freshIp());
        assertThat(full.getStatus()).isEqualTo(409);
        assertThat(Jsoup.parse(full.getContentAsString()).select(".flash.error").text())
                .contains("该时段（10:00–10:30）已约满，请选择其他时段", "选择其他时段");
        assertThat(bookings()).isEqualTo(1);

        // unknown centre or slot: the error page
        assertThat(call(get("/public/centres/NOPE/appointments"), freshIp()).getStatus()).isEqualTo(404);
        assertThat(call(get("/public/centres/" + h.org().code() + "/appointments/slots/987654321"), freshIp()).getStatus())
                .isEqualTo(404);
    }

    @Test
    void theLookupAnswersAWrongMobileLikeAnUnknownCode() throws Exception {
        Person p = AppointmentFixture.person();
        Appointments.Booking b = AppointmentFixture.book(appointments, h,
                AppointmentFixture.slot(appointments, h, TUE, LocalTime.of(10, 0)), p);
        MockHttpServletResponse wrong = call(post("/public/appointments").with(csrf()).param("code", b.code())
                .param("mobile", "13900000000"), freshIp());
        MockHttpServletResponse unknown = call(post("/public/appointments").with(csrf()).param("code", "ABCDEFGH")
                .param("mobile", p.mobile()), freshIp());
        assertThat(wrong.getStatus()).isEqualTo(404).isEqualTo(unknown.getStatus());
        assertThat(Jsoup.parse(wrong.getContentAsString()).select(".flash.error").text())
                .isEqualTo(Jsoup.parse(unknown.getContentAsString()).select(".flash.error").text())
                .isEqualTo("未找到该预约：请核对预约码和预约时填写的手机号码。");
        assertThat(wrong.getContentAsString()).doesNotContain("预约办理", "10:00–10:30", "13900000000");
        assertThat(unknown.getContentAsString()).doesNotContain(p.mobile());

        MockHttpServletResponse found = call(post("/public/appointments").with(csrf()).param("code", b.displayCode())
                .param("mobile", p.mobile()), freshIp());
        assertThat(found.getStatus()).isEqualTo(200);
        Document doc = Jsoup.parse(found.getContentAsString());
        assertThat(doc.select(".appt-status strong").text()).isEqualTo("已预约");
        assertThat(doc.select(".appt-facts").text()).contains("预约办理", "10:00–10:30").doesNotContain(p.name(), p.idNumber());
        assertThat(doc.select(".cancel-form button").text()).isEqualTo("取消预约");
    }

    @Test
    void bookingsFromOneAddressAreLimited() throws Exception {
        String ip = freshIp();
        int created = 0;
        MockHttpServletResponse last = null;
        for (int i = 0; i < 6; i++) {
            Appointments.SlotView s = AppointmentFixture.slot(appointments, h, TUE, LocalTime.of(9 + i, 0));
            last = bookPage(s, AppointmentFixture.person(), ip);
            if (last.getStatus() == 302) {
                created++;
            }
        }
        assertThat(created).isEqualTo(5);
        assertThat(last.getStatus()).isEqualTo(429);
        assertThat(last.getHeader("Retry-After")).isNotBlank();
        assertThat(Jsoup.parse(last.getContentAsString()).select(".flash.error").text()).contains("提交过于频繁");
        assertThat(bookings()).isEqualTo(5);
    }

    MockHttpServletResponse staff(String username, MockHttpServletRequestBuilder r) throws Exception {
        return mvc.perform(r.with(user(users.loadUserByUsername(username)))).andReturn().getResponse();
    }

    @Test
    void theStaffPageIsForTheNavigationRolesAndMasksNamesForWindowStaff() throws Exception {
        Person p = new Person("欧阳明月", AppointmentFixture.person().idNumber(), AppointmentFixture.person().mobile());
        Appointments.SlotView s = AppointmentFixture.slot(appointments, h, TUE, LocalTime.of(10, 0));
        AppointmentFixture.book(appointments, h, s, p);
        String path = "/queue/appointments?date=" + TUE;

        Document office = Jsoup.parse(staff(h.org().office(), get(path)).getContentAsString());
        assertThat(office.select("td.applicant").text()).isEqualTo("欧阳明月");
        assertThat(office.select("input[name=capacity]")).hasSize(18);
        assertThat(office.html()).doesNotContain(p.idNumber(), p.mobile());

        MockHttpServletResponse clerkPage = staff(h.org().clerk(), get(path));
        assertThat(clerkPage.getStatus()).isEqualTo(200);
        Document clerk = Jsoup.parse(clerkPage.getContentAsString());
        assertThat(clerk.select("td.applicant").text()).isEqualTo("欧***");
        assertThat(clerk.select("input[name=capacity]")).isEmpty();
        assertThat(clerkPage.getContentAsString()).doesNotContain("欧阳明月", p.idNumber(), p.mobile());

        assertThat(staff(h.org().medicalHead(), get(path)).getStatus()).isEqualTo(200);
        assertThat(staff(h.org().leader(), get(path)).getStatus()).isEqualTo(403);
        // a clerk cannot change a capacity, and nobody changes another centre's
        assertThat(staff(h.org().clerk(), post("/queue/appointments/slots/" + s.id() + "/capacity").with(csrf())
                .param("centre", String.valueOf(h.centreId())).param("date", TUE.toString()).param("capacity", "9"))
                .getStatus()).isEqualTo(403);
        Hall other = AppointmentFixture.create(org, accounts, services, appointments, 1);
        assertThat(staff(other.org().office(), post("/queue/appointments/slots/" + s.id() + "/capacity").with(csrf())
                .param("centre", String.valueOf(h.centreId())).param("date", TUE.toString()).param("capacity", "9"))
                .getStatus()).isEqualTo(403);
        assertThat(staff(other.org().office(), get(path + "&centre=" + h.centreId())).getStatus()).isEqualTo(403);
        assertThat(AppointmentFixture.slot(appointments, h, TUE, LocalTime.of(10, 0)).capacity()).isEqualTo(1);
        MockHttpServletResponse changed = staff(h.org().office(), post("/queue/appointments/slots/" + s.id() + "/capacity")
                .with(csrf()).param("centre", String.valueOf(h.centreId())).param("date", TUE.toString())
                .param("capacity", "9"));
        assertThat(changed.getStatus()).isEqualTo(302);
        assertThat(AppointmentFixture.slot(appointments, h, TUE, LocalTime.of(10, 0)).capacity()).isEqualTo(9);
    }
}
