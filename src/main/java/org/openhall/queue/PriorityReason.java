package org.openhall.queue;

/** Why a ticket is SPECIAL: the special groups served first. */
public enum PriorityReason {
    ELDERLY, DISABLED, PREGNANT, MILITARY
}
