package org.openhall.queue;

/** How a person's presence at a window changed (Q-5; read by attendance, ATT-1/ATT-3/ATT-4). */
public enum WindowPresence {
    SIGNED_IN,
    SIGNED_OUT,
    PAUSED,
    RESUMED
}
