package org.openhall.cases.internal;

import java.time.OffsetDateTime;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the applicant sees of a case on the progress page and the public API (CASE-6): the item, where it is
 * handled, the stage in words, the dates and the deadline, the steps (kind, date and department only), the
 * case's public messages and how the result is handed over. It never holds personal data (SEC-2): no name, ID
 * number, mobile or address of the applicant, and no staff member's name.
 *
 * @param stage           the stage code: ONLINE_PENDING, CORRECTION_REQUIRED, REJECTED, ACCEPTED, PROCESSING,
 *                        REVIEW, SUSPENDED, COMPLETED_APPROVED, COMPLETED_REFUSED, ARCHIVED
 * @param stageText       the stage in words, e.g. 办理中（医保中心）
 * @param deadline        NONE, DUE_SOON (即将到期) or OVERDUE (已超期)
 * @param clockStopped    the legal clock stands still (挂起, 计时中止)
 * @param toSupply        materials the applicant still has to hand in (补正 or 容缺), by name
 * @param supplyBy        the latest date for materials promised under 容缺受理
 */
public record ProgressView(String number, String itemName, String centreName, @Nullable String departmentName,
        String stage, String stageText, @Nullable LocalDate receivedOn, @Nullable LocalDate acceptedOn,
        @Nullable LocalDate dueDate, String deadline, String deadlineText, boolean clockStopped,
        @Nullable LocalDate completedOn, List<String> toSupply, @Nullable LocalDate supplyBy, List<Entry> timeline,
        List<PublicMessage> messages, @Nullable Handover handover) {

    public ProgressView {
        toSupply = List.copyOf(toSupply);
        timeline = List.copyOf(timeline);
        messages = List.copyOf(messages);
    }

    /** A step of the case: what happened, when, and in which department. */
    public record Entry(String kind, String text, LocalDate date, @Nullable String departmentName, boolean open) {
    }

    /** A public message of the case (e.g. a supplement request, the result); sent at, in the centre's zone. */
    public record PublicMessage(String subject, String body, OffsetDateTime sentAt) {
    }

    /**
     * How the result reaches the applicant: {@code method} PICKUP or MAIL, the pickup window, the mail tracking
     * number, and when it was handed over or sent.
     */
    public record Handover(String method, String methodText, @Nullable String window, @Nullable String trackingNumber,
            @Nullable LocalDate handedOverOn) {
    }
}
