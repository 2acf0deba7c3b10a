package org.openhall.organization;

/** ORG-4a: the A post holds a window; the B post is the named backup who takes over when A is absent. */
public enum Post {
    A,
    B
}
