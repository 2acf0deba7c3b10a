package org.openhall.organization.internal;

/** A stored staff photo. */
public record Photo(long id, long staffId, String contentType, int width, int height, byte[] content) {
}
