package org.openhall.notification.internal;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.openhall.notification.Channel;
import org.openhall.notification.Delivery;
import org.openhall.notification.DeliveryStatus;

/** A row of the delivery log ({@code ntf_delivery}). {@code recipient} is the unmasked address, for a resend only. */
public record LoggedDelivery(long id, long centreId, Channel channel, String recipient, String recipientMasked,
        @Nullable String subject, String body, DeliveryStatus status, @Nullable String detail, int attempts,
        Instant createdAt, @Nullable Instant sentAt) {

    public Delivery toDelivery() {
        return new Delivery(id, channel, status, detail);
    }

    /**
     * An e-mail or SMS that FAILED on its way (mail server, SMS provider) may be sent again by the centre office;
     * one refused for its own content (invalid address, too long) would fail the same way again.
     */
    public boolean resendable() {
        return status == DeliveryStatus.FAILED && channel != Channel.IN_SYSTEM
                && detail != null && Reason.of(detail).map(Reason::transport).orElse(true);
    }

    /**
     * The label key of the detail: {@code ntf.invalid.mobile} for what was invalid, else the reason's
     * {@code ntf.reason.TIMEOUT}; null if the detail has no known code.
     */
    public @Nullable String reasonKey() {
        if (detail == null) {
            return null;
        }
        return Reason.of(detail).map(r -> r == Reason.INVALID && Reason.INVALID_WHAT.contains(Reason.text(detail))
                ? "ntf.invalid." + Reason.text(detail) : "ntf.reason." + r.name()).orElse(null);
    }

    /** The detail's text after its reason code (nothing more when the label says it all). */
    public @Nullable String reasonText() {
        if (detail == null) {
            return null;
        }
        String text = Reason.text(detail);
        return Reason.of(detail).filter(r -> r == Reason.INVALID && Reason.INVALID_WHAT.contains(text)).isPresent()
                ? "" : text;
    }
}
