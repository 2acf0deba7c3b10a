package org.openhall.queue;

/** The state of a window at work. A SIGNED_OUT window takes no calls. */
public enum WindowStatus {
    SIGNED_OUT, IDLE, CALLING, SERVING, PAUSED
}
