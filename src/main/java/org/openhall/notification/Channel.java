package org.openhall.notification;

/** How a notification travels. */
public enum Channel { EMAIL, SMS, IN_SYSTEM }
