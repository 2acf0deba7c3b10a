package org.openhall.organization;

/** Who holds a post of a window. */
public record PostHolder(long staffId, String staffNumber, String name) {
}
