package org.openhall.queue;

/**
 * Priority classes of Q-3 (先急后缓). Staff calling never see the class or its reason before the call.
 * ORDINARY tickets are first come, first served.
 */
public enum PriorityClass {
    ORDINARY, SPECIAL, GREEN_CHANNEL, APPOINTMENT
}
