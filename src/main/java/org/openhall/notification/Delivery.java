package org.openhall.notification;

import org.jspecify.annotations.Nullable;

/** A recorded notification and its outcome; {@code detail} says why it failed or was skipped. */
public record Delivery(long id, Channel channel, DeliveryStatus status, @Nullable String detail) {
}
