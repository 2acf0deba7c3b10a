package org.openhall.notification;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Sends and records notifications. Each method records the attempt (in its own transaction, so a
 * rollback of the caller does not erase the record of a message that went out) and returns its outcome;
 * delivery problems become a FAILED delivery, never an exception. Callers send after their own change has
 * committed (e.g. from an {@code @ApplicationModuleListener}).
 */
public interface Notifications {

    /** An e-mail (plain text, UTF-8). SKIPPED when no mail server is configured. */
    Delivery email(long centreId, String to, String subject, String body);

    /** A text message to a mainland mobile number. SKIPPED when no SMS provider is configured. */
    Delivery sms(long centreId, String mobile, String text);

    /** An in-system message; {@code link} is an optional path inside OpenHall, e.g. {@code /cases/QX-...}. */
    Delivery message(long centreId, Inbox inbox, String subject, String body, @Nullable String link);

    /** The in-system messages of an inbox, newest first. */
    List<Message> messages(Inbox inbox, int limit);
}
