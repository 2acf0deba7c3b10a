package org.openhall.notification.internal;

/**
 * Where text messages go: an SMS provider ({@link HttpSmsGateway}) or, when none is configured, nowhere
 * ({@link SkippingSmsGateway}). The mobile number and the length have been checked before.
 */
public interface SmsGateway {

    /**
     * Sends {@code text} to {@code mobile} (11 digits). Never throws: a problem is a FAILED outcome with its reason.
     */
    Outcome send(String mobile, String text);
}
