package org.openhall.queue;

/** Hall devices that authenticate with a token issued by the centre office. */
public enum DeviceKind {
    KIOSK, HALL_DISPLAY, WINDOW_DISPLAY, RATING_PAD
}
