package org.openhall.queue;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.openhall.organization.Gender;
import org.openhall.organization.OrgFixture;
import org.openhall.organization.OrganizationCommands;
import org.openhall.organization.WindowData;
import org.openhall.organization.WindowType;
import org.openhall.queue.internal.QueueDesk;
import org.openhall.queue.internal.QueueServices;
import org.openhall.queue.internal.QueueServices.ServiceData;
import org.openhall.security.UserAccounts;
import org.openhall.test.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * A hall floor for tests (Q-1..Q-10): an {@link OrgFixture.Org} with queue services A (社保登记, own line of every window)
 * and B (医保, own line of window 0, qualified for the others), and {@code windows} extra windows of the medical
 * department, each with its own staff member (post A) who may sign in there. Fresh codes on every call, so tests sharing
 * an application context do not collide.
 *
 * <p>Test classes share one application context through {@link Config} (the hall's test clock, on a working day at
 * 10:00 in Asia/Shanghai, inside the opening hours 08:30–17:30) and the same properties.
 */
public final class QueueFixture {

    /** Monday 2026-09-28 10:00 in Asia/Shanghai: a working day, the hall open. */
    public static final Instant OPEN = Instant.parse("2026-09-28T02:00:00Z");
    public static final MutableClock CLOCK = new MutableClock(OPEN);

    private static final AtomicInteger SEQ = new AtomicInteger();

    private QueueFixture() {
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {
        @Bean
        @Primary
        Clock queueTestClock() {
            return CLOCK;
        }
    }

    /**
     * What the floor tests on the shared context have in common (QueueDeskTests, RatingsTests, DevicePagesTests,
     * QueuePagesTests): the annotations of that context, the commands they drive, and a fresh {@link Floor} per test
     * with the clock at {@link #OPEN}; for the pages, MockMvc through the security chain.
     */
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
            properties = "openhall.queue.close-day.enabled=false")
    @Import(Config.class)
    public abstract static class FloorTestBase {

        @Autowired
        protected WebApplicationContext context;

        @Autowired
        protected OrganizationCommands orgCommands;

        @Autowired
        protected UserAccounts accounts;

        @Autowired
        protected QueueServices services;

        @Autowired
        protected QueueDesk desk;

        @Autowired
        protected UserDetailsService users;

        @Autowired
        protected JdbcClient jdbc;

        protected MockMvc mvc;
        protected Floor f;
        /** The first two extra windows of {@link #f}. */
        protected long w0;
        protected long w1;

        /** Sets the clock to {@link #OPEN} and makes a fresh floor with {@code windows} (at least two) extra windows. */
        protected void openFloor(int windows) {
            CLOCK.set(OPEN);
            f = create(orgCommands, accounts, services, windows);
            w0 = f.windows()[0];
            w1 = f.windows()[1];
        }

        /** {@link #openFloor} and MockMvc for the pages, through the security chain. */
        protected void openFloorWithPages(int windows) {
            CLOCK.set(OPEN);
            mvc = MockMvcBuilders.webAppContextSetup(context)
                    .apply(SecurityMockMvcConfigurers.springSecurity()).build();
            openFloor(windows);
        }

        /** A page request signed in as {@code username}. */
        protected RequestPostProcessor as(String username) {
            return SecurityMockMvcRequestPostProcessors.user(users.loadUserByUsername(username));
        }

        protected MockHttpServletResponse perform(MockHttpServletRequestBuilder b) throws Exception {
            return mvc.perform(b).andReturn().getResponse();
        }

        protected static Document html(MockHttpServletResponse r) throws Exception {
            return Jsoup.parse(r.getContentAsString());
        }
    }

    /**
     * @param windows the extra windows (ids), {@code staff[i]} signs in at {@code windows[i]}; window numbers
     *                {@code numbers[i]}
     */
    public record Floor(OrgFixture.Org org, long serviceA, long serviceB, long[] windows, long[] staff, String[] numbers) {

        public long centreId() {
            return org.centreId();
        }
    }

    public static Floor create(OrganizationCommands orgCommands, UserAccounts accounts, QueueServices services, int windows) {
        OrgFixture.Org o = OrgFixture.create(orgCommands, accounts);
        int n = SEQ.incrementAndGet();
        long a = services.create(service(o.centreId(), "SB", "社保登记与参保", "A", 1, 999, null)).id();
        long b = services.create(service(o.centreId(), "YB", "医疗保险", "B", 1, 999, null)).id();
        long[] ids = new long[windows];
        long[] staff = new long[windows];
        String[] numbers = new String[windows];
        for (int i = 0; i < windows; i++) {
            staff[i] = orgCommands.createStaff(OrgFixture.staff(o.medical(), "Q%d-%02d".formatted(n, i), "窗口员" + i,
                    i % 2 == 0 ? Gender.FEMALE : Gender.MALE));
            numbers[i] = Integer.toString(10 + i);
            ids[i] = orgCommands.createWindow(new WindowData(o.medical(), numbers[i], "综合受理" + numbers[i],
                    WindowType.ACCEPTANCE, "一楼A区", List.of("社保登记"), staff[i], o.medicalStaff()[0], null));
            if (i == 0) {
                services.assign(ids[i], List.of(a, b), List.of());
            } else {
                services.assign(ids[i], List.of(a), List.of(b));
            }
        }
        return new Floor(o, a, b, ids, staff, numbers);
    }

    public static ServiceData service(long centreId, String code, String name, String prefix, int start, int end,
            Integer cap) {
        return new ServiceData(centreId, code, name, prefix, start, end, cap, 8, null, null, List.of(), 0, true);
    }

    public static List<Long> ids(long... values) {
        List<Long> l = new ArrayList<>();
        for (long v : values) {
            l.add(v);
        }
        return l;
    }
}
