package org.openhall.cases;

/** Where a case came in. */
public enum IntakeChannel { WINDOW, ONLINE, API }
