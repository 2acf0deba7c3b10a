package org.openhall.queue.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.openhall.organization.OrganizationApi;
import org.openhall.organization.WindowInfo;
import org.openhall.queue.DeviceKind;
import org.openhall.security.AuditTrail;
import org.openhall.security.CurrentUser;
import org.openhall.security.CurrentUsers;
import org.openhall.security.DevicePrincipal;
import org.openhall.security.DeviceTokens;
import org.openhall.security.Role;
import org.openhall.shared.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The hall devices ({@link Devices}, Q-1, Q-4, Q-8) and the {@link DeviceTokens} bean of the API's filter chain.
 *
 * <p>A token is 32 random bytes (SecureRandom) in base64url without padding (43 characters), shown once; only its
 * SHA-256 (hex) and its last 4 characters (a hint to tell devices apart) are stored. Issue and revoke are audited and
 * reserved for the centre office of the device's centre (or ADMIN). A revoked or unknown token authenticates nothing.
 * The last-seen time is written at most once a minute per device, so a display polling the API does not write on
 * every request.
 */
@Service
class JdbcDevices implements Devices, DeviceTokens, DeviceSetup {

    static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditTrail audit;
    private final OrganizationApi org;
    private final CurrentUsers users;

    JdbcDevices(JdbcClient jdbc, Clock clock, AuditTrail audit, OrganizationApi org, CurrentUsers users) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.org = org;
        this.users = users;
    }

    static DeviceView map(ResultSet rs, int n) throws SQLException {
        return new DeviceView(rs.getLong("id"), rs.getLong("centre_id"), DeviceKind.valueOf(rs.getString("kind")),
                rs.getString("name"), rs.getObject("window_id", Long.class), rs.getString("token_hint"),
                TicketRow.instant(rs, "created_at"), TicketRow.instant(rs, "revoked_at"),
                TicketRow.instant(rs, "last_seen_at"));
    }

    @Override
    @Transactional
    public IssuedDevice issue(long centreId, DeviceKind kind, String name, @Nullable Long windowId) {
        return issue(centreId, kind, name, windowId, newToken());
    }

    @Override
    @Transactional
    public IssuedDevice issueWithToken(long centreId, DeviceKind kind, String name, @Nullable Long windowId, String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            throw DomainException.invalid("token", "queue.device.token.invalid");
        }
        return issue(centreId, kind, name, windowId, token);
    }

    private IssuedDevice issue(long centreId, @Nullable DeviceKind kind, @Nullable String name, @Nullable Long windowId,
            String token) {
        checkOffice(centreId);
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > 100) {
            throw DomainException.invalid("name", "queue.device.name.invalid");
        }
        if (kind == null) {
            throw DomainException.invalid("kind", "queue.device.kind.invalid");
        }
        boolean needsWindow = kind == DeviceKind.WINDOW_DISPLAY || kind == DeviceKind.RATING_PAD;
        if (needsWindow && windowId == null) {
            throw DomainException.invalid("windowId", "queue.device.window.required");
        }
        if (windowId != null) {
            WindowInfo w = org.window(windowId).filter(WindowInfo::active)
                    .orElseThrow(() -> DomainException.invalid("windowId", "queue.device.window.invalid"));
            if (w.centreId() != centreId) {
                throw DomainException.invalid("windowId", "queue.device.window.invalid");
            }
        }
        String h = hash(token);
        if (jdbc.sql("select count(*) from q_device where token_hash = :h").param("h", h).query(Long.class).single() > 0) {
            throw DomainException.conflict("queue.device.token.used");
        }
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into q_device (centre_id, kind, name, window_id, token_hash, token_hint, created_at, created_by)
                values (:c, :k, :n, :w, :h, :hint, :now, :by)""")
                .param("c", centreId).param("k", kind.name()).param("n", n).param("w", windowId, Types.BIGINT)
                .param("h", h).param("hint", hint(token)).param("now", Timestamp.from(clock.instant()))
                .param("by", users.actorName()).update(keys, "id");
        long id = Objects.requireNonNull(keys.getKey()).longValue();
        DeviceView device = find(id).orElseThrow();
        audit.record(centreId, "QueueDevice", Long.toString(id), "ISSUE", null, device);
        return new IssuedDevice(device, token);
    }

    @Override
    @Transactional
    public void revoke(long deviceId) {
        DeviceView before = find(deviceId).orElseThrow(() -> DomainException.notFound("queue.device.notFound"));
        checkOffice(before.centreId());
        int rows = jdbc.sql("update q_device set revoked_at = :now where id = :id and revoked_at is null")
                .param("now", Timestamp.from(clock.instant())).param("id", deviceId).update();
        if (rows != 1) {
            throw DomainException.conflict("queue.device.revoked", before.name());
        }
        audit.record(before.centreId(), "QueueDevice", Long.toString(deviceId), "REVOKE", before, find(deviceId).orElseThrow());
    }

    @Override
    @Transactional(readOnly = true)
    public List<DeviceView> devices(long centreId) {
        return jdbc.sql("select * from q_device where centre_id = :c order by kind, name, id").param("c", centreId)
                .query(JdbcDevices::map).list();
    }

    Optional<DeviceView> find(long id) {
        return jdbc.sql("select * from q_device where id = :id").param("id", id).query(JdbcDevices::map).optional();
    }

    @Override
    @Transactional
    public Optional<DevicePrincipal> byToken(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        Optional<DeviceView> device = jdbc.sql("select * from q_device where token_hash = :h and revoked_at is null")
                .param("h", hash(token)).query(JdbcDevices::map).optional();
        device.ifPresent(d -> {
            Instant now = clock.instant();
            if (d.lastSeenAt() == null || d.lastSeenAt().isBefore(now.minus(TOUCH_EVERY))) {
                jdbc.sql("update q_device set last_seen_at = :now where id = :id")
                        .param("now", Timestamp.from(now)).param("id", d.id()).update();
            }
        });
        return device.map(d -> new DevicePrincipal(d.id(), d.centreId(), d.kind().name(), d.windowId(), d.name()));
    }

    @Override
    public Optional<DevicePrincipal> authenticate(String token) {
        return byToken(token);
    }

    private void checkOffice(long centreId) {
        if (org.centre(centreId).isEmpty()) {
            throw DomainException.notFound("queue.centre.notFound");
        }
        Optional<CurrentUser> user = users.current();
        if (user.isPresent() && !(user.get().hasRole(Role.ADMIN)
                || (user.get().hasRole(Role.CENTRE_OFFICE) && user.get().canSeeCentre(centreId)))) {
            throw DomainException.forbidden("queue.device.forbidden");
        }
    }

    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hint(String token) {
        return token.substring(token.length() - 4);
    }
}
