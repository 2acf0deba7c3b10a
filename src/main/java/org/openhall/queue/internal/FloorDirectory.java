package org.openhall.queue.internal;

import java.sql.ResultSet;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    private record ActiveServicesKey(long centreId) {
    }

    private record AssignmentsKey(long centreId) {
    }

    /** An active queue service of a centre as the floor's snapshot needs it. */
    record ActiveService(long id, String code, String name, String prefix, int defaultMinutes) {
    }

    /** Window → the services of its own line and those it is only qualified for. */
    record Assignments(Map<Long, Set<Long>> own, Map<Long, Set<Long>> qualified) {
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

    /** The centre's active queue services in display order. */
    List<ActiveService> activeServices(long centreId) {
        return get(new ActiveServicesKey(centreId), () -> readActiveServices(jdbc, centreId));
    }

    static List<ActiveService> readActiveServices(JdbcClient jdbc, long centreId) {
        return List.copyOf(jdbc.sql("""
                select id, code, name, prefix, default_minutes from q_service
                where centre_id = :c and active = true order by sort_order, code""")
                .param("c", centreId)
                .query((rs, i) -> new ActiveService(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                        rs.getString("prefix"), rs.getInt("default_minutes")))
                .list());
    }

    /** Which windows of the centre serve which services. */
    Assignments assignments(long centreId) {
        return get(new AssignmentsKey(centreId), () -> readAssignments(jdbc, centreId));
    }

    static Assignments readAssignments(JdbcClient jdbc, long centreId) {
        Map<Long, Set<Long>> own = new HashMap<>();
        Map<Long, Set<Long>> qualified = new HashMap<>();
        jdbc.sql("select window_id, service_id, own_line from q_window_service where centre_id = :c")
                .param("c", centreId)
                .query((ResultSet rs) -> {
                    Map<Long, Set<Long>> target = rs.getBoolean("own_line") ? own : qualified;
                    target.computeIfAbsent(rs.getLong("window_id"), k -> new HashSet<>()).add(rs.getLong("service_id"));
                });
        own.replaceAll((k, v) -> Set.copyOf(v));
        qualified.replaceAll((k, v) -> Set.copyOf(v));
        return new Assignments(Map.copyOf(own), Map.copyOf(qualified));
    }

    /**
     * A queue service or a window's services changed on this node: forget now and, when the change commits, forget
     * again (a command reading meanwhile may have cached the state before).
     */
    void servicesChanged() {
        forgetServices();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    forgetServices();
                }
            });
        }
    }

    private void forgetServices() {
        cache.keySet().removeIf(k -> k instanceof ServiceKey || k instanceof ActiveServicesKey || k instanceof AssignmentsKey);
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
