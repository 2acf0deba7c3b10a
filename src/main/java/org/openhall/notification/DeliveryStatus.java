package org.openhall.notification;

/** The outcome of a delivery attempt: SENT, FAILED (recorded with the reason), SKIPPED (channel not configured). */
public enum DeliveryStatus { SENT, FAILED, SKIPPED }
