package org.openhall.security.internal;

import java.sql.Timestamp;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.openhall.security.AuditTrail;
import org.openhall.security.CurrentUsers;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Writes audit rows in the caller's transaction (SEC-3). */
@Service
class JdbcAuditTrail implements AuditTrail {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final CurrentUsers currentUsers;
    private final JsonMapper json;

    JdbcAuditTrail(JdbcClient jdbc, Clock clock, CurrentUsers currentUsers, JsonMapper json) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.currentUsers = currentUsers;
        this.json = json;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(@Nullable Long centreId, String entityType, String entityId, String action,
            @Nullable Object before, @Nullable Object after) {
        jdbc.sql("""
                insert into audit_log (occurred_at, actor, centre_id, entity_type, entity_id, action, before_state, after_state)
                values (:t, :a, :c, :et, :eid, :act, :b, :af)""")
                .param("t", Timestamp.from(clock.instant()))
                .param("a", currentUsers.actorName())
                .param("c", centreId)
                .param("et", entityType)
                .param("eid", entityId)
                .param("act", action)
                .param("b", before == null ? null : json.writeValueAsString(before))
                .param("af", after == null ? null : json.writeValueAsString(after))
                .update();
    }
}
