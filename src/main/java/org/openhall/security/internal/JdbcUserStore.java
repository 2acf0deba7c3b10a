package org.openhall.security.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.openhall.security.AuditTrail;
import org.openhall.security.CurrentUser;
import org.openhall.security.Role;
import org.openhall.security.UserAccounts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Accounts in table {@code app_user}: login lookup, creation, lockout counters. */
@Service
class JdbcUserStore implements UserDetailsService, UserAccounts {

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final Clock clock;
    private final AuditTrail audit;

    JdbcUserStore(JdbcClient jdbc, PasswordEncoder passwords, Clock clock, AuditTrail audit) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.clock = clock;
        this.audit = audit;
    }

    private record Row(CurrentUser user, String hash, boolean enabled, @Nullable Instant lockedUntil, int failures) {
    }

    private static Row map(ResultSet rs, int n) throws SQLException {
        Set<Role> roles = parseRoles(rs.getString("roles"));
        Timestamp locked = rs.getTimestamp("locked_until");
        CurrentUser u = new CurrentUser(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"), roles,
                rs.getObject("centre_id", Long.class), rs.getObject("department_id", Long.class),
                rs.getObject("staff_id", Long.class));
        return new Row(u, rs.getString("password_hash"), rs.getBoolean("enabled"),
                locked == null ? null : locked.toInstant(), rs.getInt("failed_attempts"));
    }

    static Set<Role> parseRoles(String csv) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(Role::valueOf).forEach(roles::add);
        return roles;
    }

    private Optional<Row> row(String username) {
        return jdbc.sql("select * from app_user where username = :u").param("u", username).query(JdbcUserStore::map).optional();
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        Row r = row(username).orElseThrow(() -> new UsernameNotFoundException("unknown user"));
        return new StaffUserDetails(r.user(), r.hash(), r.enabled(), r.lockedUntil(), clock.instant());
    }

    @Override
    @Transactional
    public long create(NewAccount a) {
        if (exists(a.username())) {
            throw new IllegalArgumentException("username taken: " + a.username());
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into app_user (username, password_hash, display_name, roles, centre_id, department_id, staff_id,
                                      enabled, failed_attempts, created_at)
                values (:u, :h, :d, :r, :c, :dep, :s, true, 0, :t)""")
                .param("u", a.username()).param("h", passwords.encode(a.rawPassword())).param("d", a.displayName())
                .param("r", a.roles().stream().map(Enum::name).sorted().collect(Collectors.joining(",")))
                .param("c", a.centreId()).param("dep", a.departmentId()).param("s", a.staffId())
                .param("t", Timestamp.from(clock.instant()))
                .update(keys, "id");
        long id = keys.getKeyAs(Long.class) != null ? keys.getKeyAs(Long.class) : keys.getKey().longValue();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("username", a.username());
        after.put("displayName", a.displayName());
        after.put("roles", a.roles().stream().map(Enum::name).sorted().toList());
        after.put("centreId", a.centreId());
        after.put("departmentId", a.departmentId());
        after.put("staffId", a.staffId());
        audit.record(a.centreId(), "UserAccount", Long.toString(id), "CREATE", null, after);
        return id;
    }

    @Override
    public Optional<Account> findByUsername(String username) {
        return row(username).map(this::toAccount);
    }

    @Override
    public boolean exists(String username) {
        return jdbc.sql("select count(*) from app_user where username = :u").param("u", username).query(Long.class).single() > 0;
    }

    @Override
    public List<Account> listForCentre(@Nullable Long centreId) {
        var sql = centreId == null ? "select * from app_user order by username"
                : "select * from app_user where centre_id = :c order by username";
        var spec = jdbc.sql(sql);
        if (centreId != null) {
            spec = spec.param("c", centreId);
        }
        return spec.query(JdbcUserStore::map).list().stream().map(this::toAccount).toList();
    }

    private Account toAccount(Row r) {
        CurrentUser u = r.user();
        boolean locked = r.lockedUntil() != null && r.lockedUntil().isAfter(clock.instant());
        return new Account(u.id(), u.username(), u.displayName(), u.roles(), u.centreId(), u.departmentId(), u.staffId(),
                r.enabled(), locked);
    }

    /**
     * A failed login: count it and lock the account when the limit is reached. The count is raised in
     * the database in one statement, so parallel guesses cannot overwrite each other's count.
     */
    @Transactional
    void loginFailed(String username, LockoutProperties policy) {
        if (jdbc.sql("update app_user set failed_attempts = failed_attempts + 1 where username = :u")
                .param("u", username).update() == 0) {
            return;
        }
        Instant lockedUntil = clock.instant().plus(policy.duration());
        int locked = jdbc.sql("""
                update app_user set locked_until = :l, failed_attempts = 0
                where username = :u and failed_attempts >= :max""")
                .param("l", Timestamp.from(lockedUntil)).param("u", username).param("max", policy.maxFailures()).update();
        if (locked > 0) {
            row(username).ifPresent(r -> audit.record(r.user().centreId(), "UserAccount", Long.toString(r.user().id()),
                    "LOCK", null, Map.of("lockedUntil", lockedUntil.toString())));
        }
    }

    /** Whether the account is locked now, read afresh from the database. */
    boolean lockedNow(String username) {
        return row(username).map(r -> r.lockedUntil() != null && r.lockedUntil().isAfter(clock.instant())).orElse(false);
    }

    /** A successful login resets the counter; it never lifts a lock (a lock ends only when its time is up). */
    @Transactional
    void loginSucceeded(String username) {
        jdbc.sql("update app_user set failed_attempts = 0 where username = :u and failed_attempts > 0")
                .param("u", username).update();
    }
}
