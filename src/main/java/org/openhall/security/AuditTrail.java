package org.openhall.security;

import org.jspecify.annotations.Nullable;

/**
 * The audit trail (SEC-3): every change to a record, who made it, when, and the state before and
 * after. Call it inside the transaction that makes the change, so that both are written or neither.
 */
public interface AuditTrail {

    /**
     * Records a change.
     *
     * @param centreId   the centre the record belongs to, if any
     * @param entityType a short stable name such as {@code Staff} or {@code ServiceWindow}
     * @param entityId   the record's id
     * @param action     e.g. {@code CREATE}, {@code UPDATE}, {@code DEACTIVATE}, {@code IMPORT}
     * @param before     the state before (serialized as JSON), {@code null} on create
     * @param after      the state after (serialized as JSON), {@code null} on removal
     */
    void record(@Nullable Long centreId, String entityType, String entityId, String action,
            @Nullable Object before, @Nullable Object after);
}
