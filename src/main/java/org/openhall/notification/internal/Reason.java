package org.openhall.notification.internal;

import java.util.Optional;

/**
 * The kinds of detail a delivery records, written at the front of {@code ntf_delivery.detail} as
 * {@code CODE: text}; pages show the code's label from the messages ({@code ntf.reason.CODE}) and the text.
 */
public enum Reason {
    /** The channel has no server or provider configured: nothing went out (SKIPPED). */
    NOT_CONFIGURED,
    /** The address, mobile number or inbox is not valid. */
    INVALID,
    /** The text is longer than the channel allows; it is refused, not cut. */
    TOO_LONG,
    /** The mail server refused the message or could not be reached. */
    SMTP,
    /** The SMS provider answered with a status other than 2xx. */
    HTTP_STATUS,
    /** The SMS provider answered 2xx with an error. */
    PROVIDER,
    /** The SMS provider did not answer in time. */
    TIMEOUT,
    /** The SMS provider could not be reached. */
    CONNECTION,
    /** Sent; the provider's id of the message. */
    PROVIDER_ID;

    static final int MAX_DETAIL = 500;

    /** What an INVALID detail names: the e-mail address, the mobile, the inbox, the link, or an empty part. */
    public static final java.util.Set<String> INVALID_WHAT = java.util.Set.of("email", "mobile", "inbox", "link",
            "subject", "body", "text");

    /** Whether the reason lies on the way (server, provider) rather than in the message itself. */
    public boolean transport() {
        return this == SMTP || this == HTTP_STATUS || this == PROVIDER || this == TIMEOUT || this == CONNECTION;
    }

    /** {@code CODE: text}, cut to the column's 500 characters (a detail may be cut, a message never). */
    public String detail(String text) {
        String d = text.isBlank() ? name() : name() + ": " + text.strip();
        return d.length() <= MAX_DETAIL ? d : d.substring(0, MAX_DETAIL - 1) + "…";
    }

    /** The code a stored detail starts with, if it is one of these. */
    public static Optional<Reason> of(String detail) {
        int colon = detail.indexOf(':');
        String code = colon < 0 ? detail.strip() : detail.substring(0, colon);
        for (Reason r : values()) {
            if (r.name().equals(code)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** The text after the code, or the whole detail if it has no known code. */
    public static String text(String detail) {
        return of(detail).map(r -> detail.length() > r.name().length() + 1
                ? detail.substring(r.name().length() + 1).strip() : "").orElse(detail);
    }
}
