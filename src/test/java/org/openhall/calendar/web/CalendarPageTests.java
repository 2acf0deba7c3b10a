package org.openhall.calendar.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhall.calendar.CalendarApi;
import org.openhall.security.Role;
import org.openhall.security.UserAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.WebApplicationContext;

/**
 * Who may see and change what on /calendar (issue #2 item 7, SEC-1): everyone signed in sees; only ADMIN imports a
 * national year; ADMIN and the CENTRE_OFFICE of the centre change a centre.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CalendarPageTests {

    @Autowired
    WebApplicationContext context;
    @Autowired
    UserAccounts accounts;
    @Autowired
    CalendarApi api;
    @Autowired
    TransactionTemplate tx;

    MockMvc mvc;
    static final String PASSWORD = "Seite-2026!";

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        tx.executeWithoutResult(s -> {
            api.registerCentre(9401, "PAGE-A", "甲中心");
            api.registerCentre(9402, "PAGE-B", "乙中心");
        });
        user("page-staff", Role.WINDOW_STAFF, 9401L);
        user("page-office-a", Role.CENTRE_OFFICE, 9401L);
        user("page-admin", Role.ADMIN, null);
    }

    void user(String name, Role role, Long centre) {
        if (!accounts.exists(name)) {
            accounts.create(new UserAccounts.NewAccount(name, PASSWORD, name, Set.of(role), centre, null, null));
        }
    }

    MockHttpSession login(String name) throws Exception {
        var result = mvc.perform(formLogin("/login").user(name).password(PASSWORD)).andReturn();
        return (MockHttpSession) result.getRequest().getSession(false);
    }

    @Test
    void anyoneSignedInSeesTheCalendarButOnlyTheOfficeMayChangeIt() throws Exception {
        mvc.perform(get("/calendar")).andExpect(status().is3xxRedirection());

        MockHttpSession staff = login("page-staff");
        String html = mvc.perform(get("/calendar").param("year", "2026").session(staff))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        // the staff member's own centre is shown by default, read-only
        assertThat(html).contains("option value=\"PAGE-A\" selected").contains("国庆节调休")
                .doesNotContain("id=\"cal-file\"").doesNotContain("id=\"cal-opens\"");
        mvc.perform(multipart("/calendar/import").file(new MockMultipartFile("file", "x.json", "application/json",
                "{}".getBytes(StandardCharsets.UTF_8))).with(csrf()).session(staff)).andExpect(status().isForbidden());
        mvc.perform(post("/calendar/centres/PAGE-A/settings").param("opens", "08:00").param("closes", "17:00")
                .param("zone", "Asia/Shanghai").with(csrf()).session(staff)).andExpect(status().isForbidden());
    }

    @Test
    void theCentreOfficeChangesOnlyItsOwnCentre() throws Exception {
        MockHttpSession office = login("page-office-a");
        mvc.perform(post("/calendar/centres/PAGE-B/days").param("date", "2026-06-01").param("kind", "off")
                .param("name", "县庆").with(csrf()).session(office)).andExpect(status().isForbidden());
        assertThat(api.isWorkingDay("PAGE-B", LocalDate.of(2026, 6, 1))).isTrue();
        mvc.perform(post("/calendar/centres/PAGE-A/days").param("date", "2026-06-02").param("kind", "off")
                .param("name", "县庆").with(csrf()).session(office)).andExpect(status().is3xxRedirection());
        assertThat(api.isWorkingDay("PAGE-A", LocalDate.of(2026, 6, 2))).isFalse();
        // the page shows the other centre read-only
        mvc.perform(get("/calendar").param("centre", "PAGE-B").session(office)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("id=\"cal-opens\""))));
        // and an ADMIN changes any centre
        MockHttpSession admin = login("page-admin");
        mvc.perform(post("/calendar/centres/PAGE-B/settings").param("weekdayFallback", "true").param("opens", "08:00")
                .param("closes", "18:00").param("zone", "Asia/Shanghai").with(csrf()).session(admin))
                .andExpect(status().is3xxRedirection());
        assertThat(api.openingHours("PAGE-B").closes().toString()).isEqualTo("18:00");
    }

    @Test
    void badFormsShowInlineChineseErrorsAndSaveNothing() throws Exception {
        MockHttpSession office = login("page-office-a");
        String html = mvc.perform(post("/calendar/centres/PAGE-A/settings").param("opens", "25:00").param("closes", "17:00")
                        .param("zone", "Nowhere/City").with(csrf()).session(office))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("开门时间格式应为 时:分，例如 08:30").contains("class=\"field-error\"");
        assertThat(api.openingHours("PAGE-A").opens().toString()).isEqualTo("08:30");

        html = mvc.perform(post("/calendar/centres/PAGE-A/settings").param("opens", "08:30").param("closes", "17:30")
                        .param("zone", "Nowhere/City").with(csrf()).session(office))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("时区“Nowhere/City”无效，例如 Asia/Shanghai");

        html = mvc.perform(post("/calendar/centres/PAGE-A/days").param("date", "").param("kind", "off").param("name", " ")
                        .with(csrf()).session(office))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("请选择日期").contains("请填写名称");

        MockHttpSession admin = login("page-admin");
        html = mvc.perform(multipart("/calendar/import").file(new MockMultipartFile("file", "empty.json", "application/json", new byte[0]))
                        .with(csrf()).session(admin))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("请选择要上传的 JSON 文件");

        html = mvc.perform(multipart("/calendar/import").file(new MockMultipartFile("file", "2029.json", "application/json",
                        "{\"year\":2029,\"papers\":[],\"days\":[]}".getBytes(StandardCharsets.UTF_8))).with(csrf()).session(admin))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("2029 年的日期列表 days 是空的");
        assertThat(api.loadedYears()).doesNotContain(2029);
    }

    @Test
    void onlyAnAdminImportsTheNationalYearOfEveryCentre() throws Exception {
        byte[] year2045 = ("{\"year\":2045,\"papers\":[],\"days\":[{\"name\":\"元旦\",\"date\":\"2045-01-01\",\"isOffDay\":true}]}")
                .getBytes(StandardCharsets.UTF_8);
        MockHttpSession office = login("page-office-a");
        // the office of a centre neither sees the national upload form nor may post to it
        mvc.perform(get("/calendar").param("centre", "").session(office)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("id=\"cal-file\""))));
        mvc.perform(get("/calendar").param("centre", "PAGE-A").session(office)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"cal-opens\"")))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("id=\"cal-file\""))));
        mvc.perform(multipart("/calendar/import").file(new MockMultipartFile("file", "2045.json", "application/json", year2045))
                .with(csrf()).session(office)).andExpect(status().isForbidden());
        assertThat(api.loadedYears()).doesNotContain(2045);

        MockHttpSession admin = login("page-admin");
        mvc.perform(get("/calendar").param("centre", "").session(admin)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"cal-file\"")));
        mvc.perform(multipart("/calendar/import").file(new MockMultipartFile("file", "2045.json", "application/json", year2045))
                .with(csrf()).session(admin)).andExpect(status().is3xxRedirection());
        assertThat(api.loadedYears()).contains(2045);
    }

    @Test
    void anUnknownCentreOrDayIsNotFound() throws Exception {
        MockHttpSession office = login("page-office-a");
        mvc.perform(get("/calendar").param("centre", "NOPE").session(office)).andExpect(status().isNotFound());
        mvc.perform(post("/calendar/centres/PAGE-A/days/999999/remove").with(csrf()).session(office)).andExpect(status().isNotFound());
    }

    @Test
    void englishOnRequest() throws Exception {
        MockHttpSession staff = login("page-staff");
        String html = mvc.perform(get("/calendar").param("year", "2026").param("centre", "").param("lang", "en").session(staff))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("Working-day calendar").contains("October").contains("248 working days");
    }

    @Test
    void htmxGetsTheFragmentOnly() throws Exception {
        MockHttpSession staff = login("page-staff");
        String html = mvc.perform(get("/calendar").param("year", "2025").param("centre", "").header("HX-Request", "true").session(staff))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).startsWith("<div id=\"calendar-page\"").doesNotContain("<header").contains("国庆节、中秋节调休");
    }
}
