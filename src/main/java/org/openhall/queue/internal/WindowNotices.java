package org.openhall.queue.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.openhall.organization.OrganizationApi;
import org.openhall.organization.WindowInfo;
import org.openhall.queue.WindowNoticeSign;
import org.openhall.security.AuditTrail;
import org.openhall.shared.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The absence notice signs (告知牌, ATT-3) of the windows in {@code q_window_notice}: at most one shown per window, put up
 * and taken down by attendance, each change appended as the live event {@code window.notice} so that the window display
 * shows or hides it at once.
 */
@Service
public class WindowNotices {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final OrganizationApi organization;
    private final LiveEvents live;
    private final AuditTrail audit;

    WindowNotices(JdbcClient jdbc, Clock clock, OrganizationApi organization, LiveEvents live, AuditTrail audit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.organization = organization;
        this.live = live;
        this.audit = audit;
    }

    @Transactional
    public void show(long windowId, WindowNoticeSign sign, String actor) {
        WindowInfo w = organization.window(windowId).orElseThrow(() -> DomainException.notFound("queue.window.notFound"));
        Instant now = clock.instant();
        takeDown(w, now, actor);
        jdbc.sql("""
                insert into q_window_notice (centre_id, window_id, staff_name, reason, contact, expected_back, stand_in_name,
                    shown_at, shown_by) values (:c, :w, :name, :reason, :contact, :back, :standIn, :now, :actor)""")
                .param("c", w.centreId()).param("w", windowId).param("name", sign.staffName())
                .param("reason", sign.reason()).param("contact", sign.contact())
                .param("back", Timestamp.from(sign.expectedBack())).param("standIn", sign.standInName())
                .param("now", Timestamp.from(now)).param("actor", actor).update();
        audit.record(w.centreId(), "WindowNotice", Long.toString(windowId), "SHOW", null, sign);
        live.append(w.centreId(), "window.notice", windowId, data(w, sign));
    }

    @Transactional
    public void clear(long windowId, String actor) {
        WindowInfo w = organization.window(windowId).orElseThrow(() -> DomainException.notFound("queue.window.notFound"));
        if (takeDown(w, clock.instant(), actor)) {
            audit.record(w.centreId(), "WindowNotice", Long.toString(windowId), "CLEAR", null, null);
            live.append(w.centreId(), "window.notice", windowId, data(w, null));
        }
    }

    @Transactional(readOnly = true)
    public Optional<WindowNoticeSign> shown(long windowId) {
        return jdbc.sql("select * from q_window_notice where window_id = :w and cleared_at is null order by id desc")
                .param("w", windowId)
                .query((rs, n) -> new WindowNoticeSign(rs.getString("staff_name"), rs.getString("reason"),
                        rs.getString("contact"), rs.getTimestamp("expected_back").toInstant(), rs.getString("stand_in_name")))
                .stream().findFirst();
    }

    private boolean takeDown(WindowInfo w, Instant now, String actor) {
        return jdbc.sql("update q_window_notice set cleared_at = :now, cleared_by = :actor "
                        + "where window_id = :w and cleared_at is null")
                .param("now", Timestamp.from(now)).param("actor", actor).param("w", w.id()).update() > 0;
    }

    /** The data of {@code window.notice} (LiveEvent): {windowId, window, shown, staffName?, reason?, contact?, expectedBack?, standIn?}. */
    static Map<String, Object> data(WindowInfo w, @org.jspecify.annotations.Nullable WindowNoticeSign sign) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("windowId", w.id());
        data.put("window", w.number());
        data.put("shown", sign != null);
        if (sign != null) {
            data.put("staffName", sign.staffName());
            data.put("reason", sign.reason());
            data.put("contact", sign.contact());
            data.put("expectedBack", sign.expectedBack().toString());
            if (sign.standInName() != null) {
                data.put("standIn", sign.standInName());
            }
        }
        return data;
    }
}
