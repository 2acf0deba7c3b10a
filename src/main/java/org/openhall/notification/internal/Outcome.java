package org.openhall.notification.internal;

import org.jspecify.annotations.Nullable;
import org.openhall.notification.DeliveryStatus;

/**
 * What one send came to: its status, the detail to record ({@code CODE: text}, see {@link Reason}) and how many
 * transport attempts it took (0 when nothing was tried).
 */
public record Outcome(DeliveryStatus status, @Nullable String detail, int attempts) {

    public static Outcome sent(int attempts) {
        return new Outcome(DeliveryStatus.SENT, null, attempts);
    }

    public static Outcome sent(Reason reason, String text, int attempts) {
        return new Outcome(DeliveryStatus.SENT, reason.detail(text), attempts);
    }

    public static Outcome failed(Reason reason, String text, int attempts) {
        return new Outcome(DeliveryStatus.FAILED, reason.detail(text), attempts);
    }

    public static Outcome skipped(String text) {
        return new Outcome(DeliveryStatus.SKIPPED, Reason.NOT_CONFIGURED.detail(text), 0);
    }
}
