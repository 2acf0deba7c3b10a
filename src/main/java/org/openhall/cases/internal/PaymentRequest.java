package org.openhall.cases.internal;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A payment to record at a window (CASE-8).
 *
 * @param windowId the fee window; may be left out by a clerk who holds exactly one window of the centre
 * @param payer    who pays (缴款人); the applicant when left out
 * @param items    the fee items paid, each at most once per case (until a void)
 */
public record PaymentRequest(@Nullable Long windowId, @Nullable PaymentMethod method, @Nullable String payer,
        @Nullable List<Item> items) {

    /**
     * A fee item of the case's item version: {@code quantity} defaults to 1; {@code amount}, when given, must be the
     * catalogue's standard times the quantity to the fen, otherwise it is computed.
     */
    public record Item(@Nullable String code, @Nullable Integer quantity, @Nullable BigDecimal amount) {
    }
}
