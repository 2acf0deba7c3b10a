package org.openhall.queue;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.openhall.organization.Gender;
import org.openhall.organization.OrgFixture;
import org.openhall.organization.OrganizationCommands;
import org.openhall.organization.WindowData;
import org.openhall.organization.WindowType;
import org.openhall.queue.internal.QueueServices;
import org.openhall.queue.internal.QueueServices.ServiceData;
import org.openhall.security.UserAccounts;
import org.openhall.test.MutableClock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

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
