package org.openhall.queue.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.openhall.organization.OrganizationApi;
import org.openhall.organization.WindowInfo;
import org.openhall.security.AuditTrail;
import org.openhall.security.CurrentUser;
import org.openhall.security.CurrentUsers;
import org.openhall.security.Role;
import org.openhall.shared.DomainException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link QueueServices} on {@code q_service} / {@code q_window_service}. Validated (400 with the
 * field, 404 unknown centre / window / service, 409 a code or prefix the centre uses already), scoped (a signed-in
 * user must be ADMIN or the centre office of the centre; no user: the system) and audited.
 */
@Service
class JdbcQueueServices implements QueueServices {

    static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,20}");
    static final Pattern PREFIX = Pattern.compile("[A-Z]{1,2}");
    static final Pattern ITEM_CODE = Pattern.compile("[A-Za-z0-9_.-]{1,40}");

    private static final String SELECT = "select * from q_service";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditTrail audit;
    private final OrganizationApi org;
    private final CurrentUsers users;
    private final FloorDirectory directory;

    JdbcQueueServices(JdbcClient jdbc, Clock clock, AuditTrail audit, OrganizationApi org, CurrentUsers users,
            FloorDirectory directory) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.org = org;
        this.users = users;
        this.directory = directory;
    }

    static ServiceView map(ResultSet rs, int n) throws SQLException {
        String items = rs.getString("item_codes");
        return new ServiceView(rs.getLong("id"), rs.getLong("centre_id"), rs.getString("code"), rs.getString("name"),
                rs.getString("prefix"), rs.getInt("range_start"), rs.getInt("range_end"),
                rs.getObject("daily_cap", Integer.class), rs.getInt("default_minutes"),
                rs.getObject("slot_minutes", Integer.class), rs.getObject("slot_capacity", Integer.class),
                items == null || items.isBlank() ? List.of() : Arrays.asList(items.split(",")), rs.getInt("sort_order"),
                rs.getBoolean("active"));
    }

    @Override
    @Transactional(readOnly = true)
    public List<ServiceView> services(long centreId) {
        return jdbc.sql(SELECT + " where centre_id = :c order by sort_order, code").param("c", centreId).query(JdbcQueueServices::map)
                .list();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ServiceView> service(long serviceId) {
        return jdbc.sql(SELECT + " where id = :id").param("id", serviceId).query(JdbcQueueServices::map).optional();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ServiceView> serviceByCode(long centreId, String code) {
        return jdbc.sql(SELECT + " where centre_id = :c and code = :code").param("c", centreId).param("code", code)
                .query(JdbcQueueServices::map).optional();
    }

    @Override
    @Transactional
    public ServiceView create(ServiceData data) {
        checkCentre(data.centreId());
        validate(data);
        checkUnique(data, null);
        Instant now = clock.instant();
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        try {
            jdbc.sql("""
                    insert into q_service (centre_id, code, name, prefix, range_start, range_end, daily_cap, default_minutes,
                        slot_minutes, slot_capacity, item_codes, sort_order, active, created_at, updated_at)
                    values (:c, :code, :name, :prefix, :rs, :re, :cap, :dm, :sm, :sc, :items, :sort, :active, :now, :now)""")
                    .params(params(data)).param("now", Timestamp.from(now)).update(keys, "id");
        } catch (DuplicateKeyException raced) {
            throw DomainException.conflict("queue.service.duplicate", data.code(), data.prefix());
        }
        long id = Objects.requireNonNull(keys.getKey()).longValue();
        directory.servicesChanged();
        ServiceView created = service(id).orElseThrow();
        audit.record(data.centreId(), "QueueService", Long.toString(id), "CREATE", null, created);
        return created;
    }

    @Override
    @Transactional
    public ServiceView update(long serviceId, ServiceData data, String reason) {
        ServiceView before = service(serviceId).orElseThrow(() -> DomainException.notFound("queue.service.notFound"));
        checkCentre(before.centreId());
        if (data.centreId() != before.centreId()) {
            throw DomainException.invalid("centreId", "queue.service.centreChanged");
        }
        validate(data);
        if (reason.length() > 200) {
            throw DomainException.invalid("reason", "queue.reason.tooLong", 200);
        }
        checkUnique(data, serviceId);
        try {
            jdbc.sql("""
                    update q_service set code = :code, name = :name, prefix = :prefix, range_start = :rs, range_end = :re,
                        daily_cap = :cap, default_minutes = :dm, slot_minutes = :sm, slot_capacity = :sc, item_codes = :items,
                        sort_order = :sort, active = :active, updated_at = :now where id = :id""")
                    .params(params(data)).param("now", Timestamp.from(clock.instant())).param("id", serviceId).update();
            directory.servicesChanged();
        } catch (DuplicateKeyException raced) {
            throw DomainException.conflict("queue.service.duplicate", data.code(), data.prefix());
        }
        ServiceView after = service(serviceId).orElseThrow();
        Map<String, Object> changed = new LinkedHashMap<>();
        changed.put("service", after);
        changed.put("reason", reason);
        audit.record(before.centreId(), "QueueService", Long.toString(serviceId), "UPDATE", before, changed);
        return after;
    }

    @Override
    @Transactional
    public void assign(long windowId, List<Long> ownServiceIds, List<Long> qualifiedServiceIds) {
        WindowInfo window = org.window(windowId).filter(WindowInfo::active)
                .orElseThrow(() -> DomainException.notFound("queue.window.notFound"));
        checkCentre(window.centreId());
        Set<Long> own = new HashSet<>(ownServiceIds);
        Set<Long> qualified = new HashSet<>(qualifiedServiceIds);
        if (own.stream().anyMatch(qualified::contains)) {
            throw DomainException.invalid("qualifiedServiceIds", "queue.assign.overlap");
        }
        for (Long id : concat(ownServiceIds, qualifiedServiceIds)) {
            ServiceView s = service(id).orElseThrow(() -> DomainException.notFound("queue.service.notFound"));
            if (s.centreId() != window.centreId()) {
                throw DomainException.notFound("queue.service.notFound");
            }
        }
        Map<String, Object> before = assignment(windowId);
        jdbc.sql("delete from q_window_service where window_id = :w").param("w", windowId).update();
        directory.servicesChanged();
        for (Long id : new java.util.LinkedHashSet<>(ownServiceIds)) {
            insertAssignment(windowId, id, window.centreId(), true);
        }
        for (Long id : new java.util.LinkedHashSet<>(qualifiedServiceIds)) {
            insertAssignment(windowId, id, window.centreId(), false);
        }
        audit.record(window.centreId(), "QueueWindowServices", Long.toString(windowId), "UPDATE", before, assignment(windowId));
    }

    private void insertAssignment(long windowId, long serviceId, long centreId, boolean ownLine) {
        jdbc.sql("insert into q_window_service (window_id, service_id, centre_id, own_line) values (:w, :s, :c, :o)")
                .param("w", windowId).param("s", serviceId).param("c", centreId).param("o", ownLine).update();
    }

    private Map<String, Object> assignment(long windowId) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("own", ids(windowId, true));
        m.put("qualified", ids(windowId, false));
        return m;
    }

    private List<Long> ids(long windowId, boolean ownLine) {
        return jdbc.sql("select service_id from q_window_service where window_id = :w and own_line = :o order by service_id")
                .param("w", windowId).param("o", ownLine).query(Long.class).list();
    }

    @Override
    @Transactional(readOnly = true)
    public List<ServiceView> servicesOfWindow(long windowId, boolean ownLineOnly) {
        return jdbc.sql("""
                select s.* from q_service s join q_window_service ws on ws.service_id = s.id
                where ws.window_id = :w and (ws.own_line = true or :all = true)
                order by case when ws.own_line then 0 else 1 end, s.sort_order, s.code""")
                .param("w", windowId).param("all", !ownLineOnly).query(JdbcQueueServices::map).list();
    }

    @Override
    @Transactional(readOnly = true)
    public List<Long> windowsOfService(long serviceId) {
        return jdbc.sql("select window_id from q_window_service where service_id = :s order by window_id")
                .param("s", serviceId).query(Long.class).list();
    }

    // ------------------------------------------------------------------------------------------------------------

    private void checkCentre(long centreId) {
        if (org.centre(centreId).isEmpty()) {
            throw DomainException.notFound("queue.centre.notFound");
        }
        Optional<CurrentUser> user = users.current();
        if (user.isPresent() && !(user.get().hasRole(Role.ADMIN)
                || (user.get().hasRole(Role.CENTRE_OFFICE) && user.get().canSeeCentre(centreId)))) {
            throw DomainException.forbidden("queue.settings.forbidden");
        }
    }

    static void validate(ServiceData d) {
        if (d.code() == null || !CODE.matcher(d.code()).matches()) {
            throw DomainException.invalid("code", "queue.service.code.invalid");
        }
        if (d.name() == null || d.name().isBlank() || d.name().strip().length() > 100) {
            throw DomainException.invalid("name", "queue.service.name.invalid");
        }
        if (d.prefix() == null || !PREFIX.matcher(d.prefix()).matches()) {
            throw DomainException.invalid("prefix", "queue.service.prefix.invalid");
        }
        if (d.rangeStart() < 0 || d.rangeEnd() <= d.rangeStart() || d.rangeEnd() > TicketNumbers.MAX_RANGE_END) {
            throw DomainException.invalid("rangeEnd", "queue.service.range.invalid", TicketNumbers.MAX_RANGE_END);
        }
        if (d.dailyCap() != null && (d.dailyCap() < 1 || d.dailyCap() > 100_000)) {
            throw DomainException.invalid("dailyCap", "queue.service.cap.invalid");
        }
        if (d.defaultMinutes() < 1 || d.defaultMinutes() > 240) {
            throw DomainException.invalid("defaultMinutes", "queue.service.minutes.invalid");
        }
        if ((d.slotMinutes() == null) != (d.slotCapacity() == null)) {
            throw DomainException.invalid("slotCapacity", "queue.service.slots.both");
        }
        if (d.slotMinutes() != null && (d.slotMinutes() < 5 || d.slotMinutes() > 240)) {
            throw DomainException.invalid("slotMinutes", "queue.service.slotMinutes.invalid");
        }
        if (d.slotCapacity() != null && (d.slotCapacity() < 1 || d.slotCapacity() > 1000)) {
            throw DomainException.invalid("slotCapacity", "queue.service.slotCapacity.invalid");
        }
        for (String item : d.itemCodes()) {
            if (!ITEM_CODE.matcher(item).matches()) {
                throw DomainException.invalid("itemCodes", "queue.service.items.invalid");
            }
        }
        if (String.join(",", d.itemCodes()).length() > 1000) {
            throw DomainException.invalid("itemCodes", "queue.service.items.invalid");
        }
        if (d.sortOrder() < 0 || d.sortOrder() > 9999) {
            throw DomainException.invalid("sortOrder", "queue.service.sort.invalid");
        }
    }

    private void checkUnique(ServiceData d, @Nullable Long self) {
        long same = jdbc.sql("""
                select count(*) from q_service where centre_id = :c and (code = :code or prefix = :prefix)
                and (:self is null or id <> :self)""")
                .param("c", d.centreId()).param("code", d.code()).param("prefix", d.prefix())
                .param("self", self, java.sql.Types.BIGINT).query(Long.class).single();
        if (same > 0) {
            throw DomainException.conflict("queue.service.duplicate", d.code(), d.prefix());
        }
    }

    private static Map<String, Object> params(ServiceData d) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("c", d.centreId());
        p.put("code", d.code());
        p.put("name", d.name().strip());
        p.put("prefix", d.prefix());
        p.put("rs", d.rangeStart());
        p.put("re", d.rangeEnd());
        p.put("cap", d.dailyCap());
        p.put("dm", d.defaultMinutes());
        p.put("sm", d.slotMinutes());
        p.put("sc", d.slotCapacity());
        p.put("items", d.itemCodes().isEmpty() ? null : String.join(",", d.itemCodes()));
        p.put("sort", d.sortOrder());
        p.put("active", d.active());
        return p;
    }

    private static List<Long> concat(List<Long> a, List<Long> b) {
        List<Long> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
