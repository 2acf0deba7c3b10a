package org.openhall.cases.internal;

/**
 * A payment's life (CASE-8): recorded as PAID; a void (作废 / 退款) is requested with a reason (VOID_REQUESTED) and
 * approved by the centre office (VOIDED) or refused (back to PAID). Nothing is deleted.
 */
public enum PaymentStatus {
    PAID, VOID_REQUESTED, VOIDED;

    /** Whether the fee items of the payment count as paid (a second payment of them is refused). */
    public boolean counts() {
        return this != VOIDED;
    }
}
