package org.openhall.duty.internal;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.openhall.duty.IncidentEscalated;
import org.openhall.notification.Inbox;
import org.openhall.notification.Notifications;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells the leaders an incident was escalated to (DUTY-7; 政务大厅值班工作制度 四.5 及时上报领导) with an in-system message
 * linking to the incident, after the escalation committed; the event publication registry retries after a restart.
 */
@Component
class IncidentNotifier {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Notifications notifications;
    private final MessageSource messages;
    private final DutyPageAccess access;

    IncidentNotifier(Notifications notifications, MessageSource messages, DutyPageAccess access) {
        this.notifications = notifications;
        this.messages = messages;
        this.access = access;
    }

    private String t(String key, Object... args) {
        return messages.getMessage(key, args, key, Locale.SIMPLIFIED_CHINESE);
    }

    @ApplicationModuleListener
    void on(IncidentEscalated e) {
        String kind = t("duty.incident.kind." + e.kind());
        String when = LocalDateTime.ofInstant(e.occurredAt(), access.zone(e.centreId())).format(TIME);
        String subject = t("duty.incident.notify.subject", kind, e.place());
        String body = t("duty.incident.notify.body", kind, e.place(), when);
        for (long staff : e.leaderStaffIds()) {
            notifications.message(e.centreId(), Inbox.staff(staff), subject, body, "/duty/incidents/" + e.incidentId());
        }
    }
}
