package org.openhall.organization.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.openhall.calendar.CalendarApi;
import org.openhall.organization.CentreData;
import org.openhall.security.AuditTrail;
import org.openhall.shared.DomainException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** ORG-1: the centres of this installation. */
@Service
public class Centres {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditTrail audit;
    private final OrgAccess access;
    private final Checks checks;
    private final CalendarApi calendar;
    private final String defaultZone;

    Centres(JdbcClient jdbc, Clock clock, AuditTrail audit, OrgAccess access, Checks checks, CalendarApi calendar,
            @Value("${openhall.default-zone}") String defaultZone) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.access = access;
        this.checks = checks;
        this.calendar = calendar;
        this.defaultZone = ZoneId.of(defaultZone).getId();
    }

    /** The zone of a centre created without one: {@code openhall.default-zone}. */
    public String defaultZone() {
        return defaultZone;
    }

    static Centre map(ResultSet rs, int n) throws SQLException {
        return new Centre(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("zone"),
                rs.getString("address"), rs.getString("phone"), rs.getBoolean("active"));
    }

    /** Every centre, active or not, without data scope (for the read API). */
    public List<Centre> all() {
        return jdbc.sql("select * from org_centre order by code").query(Centres::map).list();
    }

    /** The centres the current user may see. */
    public List<Centre> visible() {
        return all().stream().filter(c -> access.canSeeCentre(c.id())).toList();
    }

    public Optional<Centre> find(long id) {
        return jdbc.sql("select * from org_centre where id = :id").param("id", id).query(Centres::map).optional();
    }

    public Optional<Centre> findByCode(String code) {
        return jdbc.sql("select * from org_centre where code = :c").param("c", code).query(Centres::map).optional();
    }

    /** The centre, checked against the data scope. */
    public Centre get(long id) {
        Centre c = find(id).orElseThrow(() -> DomainException.notFound("org.centre.notFound", id));
        access.checkSeeCentre(c.id());
        return c;
    }

    public boolean exists() {
        return jdbc.sql("select count(*) from org_centre").query(Long.class).single() > 0;
    }

    /**
     * The centre a page or API call works in: an ADMIN may choose any (default: the first active one);
     * everyone else works in their own centre and gets 403 asking for another.
     */
    public Centre current(@Nullable Long requested) {
        Long own = access.ownCentre();
        if (requested != null) {
            return get(requested);
        }
        if (own != null) {
            return get(own);
        }
        return all().stream().filter(Centre::active).findFirst()
                .or(() -> all().stream().findFirst())
                .orElseThrow(() -> DomainException.notFound("org.centre.none"));
    }

    @Transactional
    public long create(CentreData data) {
        if (!access.canCreateCentre()) {
            throw new org.springframework.security.access.AccessDeniedException("only ADMIN creates centres");
        }
        checks.validate(data);
        String zone = zoneOf(data.zone());
        if (findByCode(data.code()).isPresent()) {
            throw codeTaken(data.code());
        }
        var keys = new GeneratedKeyHolder();
        var now = Timestamp.from(clock.instant());
        try {
            jdbc.sql("""
                    insert into org_centre (code, name, zone, address, phone, active, created_at, updated_at)
                    values (:code, :name, :zone, :address, :phone, true, :t, :t)""")
                    .param("code", data.code()).param("name", data.name().strip()).param("zone", zone)
                    .param("address", Text.blankToNull(data.address())).param("phone", Text.blankToNull(data.phone()))
                    .param("t", now).update(keys, "id");
        } catch (DuplicateKeyException e) {
            // a concurrent create took the code after the check above (unique constraint on org_centre.code)
            throw codeTaken(data.code());
        }
        long id = Keys.id(keys);
        Centre after = find(id).orElseThrow();
        audit.record(id, "Centre", Long.toString(id), "CREATE", null, after);
        // CAL-1: every centre has its working-day calendar, in the same transaction
        calendar.registerCentre(id, after.code(), after.name(), after.zoneId());
        return id;
    }

    @Transactional
    public void update(long id, CentreData data, boolean active) {
        Centre before = get(id);
        access.checkManageCentre(id);
        checks.validate(new CentreData(before.code(), data.name(), data.zone(), data.address(), data.phone()));
        jdbc.sql("""
                update org_centre set name = :name, zone = :zone, address = :address, phone = :phone, active = :active,
                       updated_at = :t where id = :id""")
                .param("name", data.name().strip()).param("zone", zoneOf(data.zone()))
                .param("address", Text.blankToNull(data.address())).param("phone", Text.blankToNull(data.phone()))
                .param("active", active).param("t", Timestamp.from(clock.instant())).param("id", id).update();
        Centre after = find(id).orElseThrow();
        audit.record(id, "Centre", Long.toString(id), "UPDATE", before, after);
        if (!before.name().equals(after.name()) || !before.zoneId().equals(after.zoneId())) {
            // CAL-1: the calendar follows the centre's name and zone
            calendar.registerCentre(id, after.code(), after.name(), after.zoneId());
        }
    }

    private static DomainException codeTaken(String code) {
        return new DomainException(DomainException.Kind.CONFLICT, "code", "org.centre.code.taken", code);
    }

    private String zoneOf(@Nullable String zone) {
        if (zone == null || zone.isBlank()) {
            return defaultZone;
        }
        try {
            return ZoneId.of(zone.strip()).getId();
        } catch (DateTimeException e) {
            throw DomainException.invalid("zone", "org.centre.zone.invalid", zone);
        }
    }
}
