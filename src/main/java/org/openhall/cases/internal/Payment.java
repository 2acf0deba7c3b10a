package org.openhall.cases.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openhall.shared.Masking;

/**
 * A payment recorded at a window for a case (CASE-8), with the fee items paid and the state of a void.
 *
 * @param businessDate the centre's calendar day of the payment, the day its takings are reconciled
 * @param voidDate     the centre's day a void was approved: the money leaves the window's takings on that day
 */
public record Payment(long id, long caseId, long centreId, String caseNumber, String receiptNumber,
        LocalDate businessDate, long windowId, String windowNumber, @Nullable Long clerkStaffId, String clerkUsername,
        String clerkName, String payerName, PaymentMethod method, BigDecimal total, PaymentStatus status,
        Instant paidAt, @Nullable Long receiptNoticeId, @Nullable String voidReason, @Nullable String voidRequestedBy,
        @Nullable Instant voidRequestedAt, @Nullable String voidDecidedBy, @Nullable Instant voidDecidedAt,
        @Nullable String voidRefusal, @Nullable LocalDate voidDate, int version, List<Line> lines) {

    public Payment {
        lines = List.copyOf(lines);
    }

    /** One fee item paid: the catalogue's standard times the quantity, exactly. */
    public record Line(int lineNo, String feeCode, String feeName, @Nullable String basis, BigDecimal unitAmount,
            int quantity, BigDecimal amount) {
    }

    /** The total in capital numerals, 人民币大写 without the prefix. */
    public String totalCapital() {
        return FeeMoney.capital(total);
    }

    /** The payer's name as screens and receipts show it (SEC-2). */
    public String maskedPayer() {
        String masked = Masking.name(payerName);
        return masked == null ? "" : masked;
    }
}
