package org.openhall.queue.internal;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.openhall.calendar.CalendarApi;
import org.openhall.calendar.OpeningHours;
import org.openhall.organization.CentreInfo;
import org.openhall.organization.OrganizationApi;
import org.openhall.organization.StaffSummary;
import org.openhall.organization.WindowInfo;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The floor's static data that every desk command needs — the centre (zone, opening hours), the window, the staff
 * member's name, the queue service — kept in memory for {@link #TTL} instead of being read from the database on each
 * command (Q-2: a window calling, starting and finishing all day must not reread what changes a few times a year).
 * Changes made through the queue module ({@link JdbcQueueServices}) drop the cache at once and again at commit; changes
 * of other modules (a window deactivated, a centre's opening hours) and of other nodes are seen after at most
 * {@link #TTL}.
 */
@Component
class FloorDirectory {

    /** How long an entry is used before it is read again. */
    static final long TTL = TimeUnit.SECONDS.toNanos(5);

    private final OrganizationApi org;
    private final CalendarApi calendar;
    private final JdbcClient jdbc;

    private final Map<Object, Entry> cache = new ConcurrentHashMap<>();

    private record Entry(@Nullable Object value, long readAt) {
    }

    private record CentreKey(long id) {
    }

    private record HoursKey(String code) {
    }

    private record WindowKey(long id) {
    }

    private record StaffKey(long id) {
    }

    private record ServiceKey(long id) {
    }

    private record NumbersKey(long centreId) {
    }

    FloorDirectory(OrganizationApi org, CalendarApi calendar, JdbcClient jdbc) {
        this.org = org;
        this.calendar = calendar;
        this.jdbc = jdbc;
    }

    Optional<CentreInfo> centre(long centreId) {
        return Optional.ofNullable(get(new CentreKey(centreId), () -> org.centre(centreId).orElse(null)));
    }

    /** The centre's zone, as the working-day calendar has it (which caches it itself). */
    ZoneId zone(CentreInfo centre) {
        return calendar.zone(centre.code());
    }

    /** The zone of a centre by id (the default zone for an unknown one). */
    ZoneId zone(long centreId) {
        return calendar.zone(centre(centreId).map(CentreInfo::code).orElse(null));
    }

    OpeningHours openingHours(CentreInfo centre) {
        return get(new HoursKey(centre.code()), () -> calendar.openingHours(centre.code()));
    }

    Optional<WindowInfo> window(long windowId) {
        return Optional.ofNullable(get(new WindowKey(windowId), () -> org.window(windowId).orElse(null)));
    }

    Optional<String> staffName(long staffId) {
        return Optional.ofNullable(get(new StaffKey(staffId), () -> org.staff(staffId).map(StaffSummary::name).orElse(null)));
    }

    Optional<QueueServices.ServiceView> service(long serviceId) {
        return Optional.ofNullable(get(new ServiceKey(serviceId), () -> jdbc.sql("select * from q_service where id = :id")
                .param("id", serviceId).query(JdbcQueueServices::map).optional().orElse(null)));
    }

    /** Window id → number of the centre's windows (the alternatives on a paused window's sign, Q-5). */
    Map<Long, String> windowNumbers(long centreId) {
        return get(new NumbersKey(centreId), () -> {
            Map<Long, String> numbers = new HashMap<>();
            for (WindowInfo w : org.windows(centreId)) {
                numbers.put(w.id(), w.number());
            }
            return Map.copyOf(numbers);
        });
    }

    /** A queue service changed on this node: forget now and, when the change commits, forget again. */
    void servicesChanged() {
        cache.keySet().removeIf(k -> k instanceof ServiceKey);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    cache.keySet().removeIf(k -> k instanceof ServiceKey);
                }
            });
        }
    }

    @SuppressWarnings("unchecked")
    private <T> T get(Object key, Supplier<@Nullable T> read) {
        long now = System.nanoTime();
        Entry e = cache.get(key);
        if (e != null && now - e.readAt() < TTL) {
            return (T) e.value();
        }
        T value = read.get();
        if (value != null) {
            cache.put(key, new Entry(value, now));
        }
        return value;
    }
}
