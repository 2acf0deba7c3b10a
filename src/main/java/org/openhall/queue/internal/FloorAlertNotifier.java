package org.openhall.queue.internal;

import java.util.Locale;
import org.openhall.notification.Inbox;
import org.openhall.notification.Notifications;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells the supervisor on duty of each raised floor alert by an in-system message with a link to the floor view;
 * after the scan's transaction committed. The addressees come from {@link FloorSupervisors}.
 */
@Component
class FloorAlertNotifier {

    /** Notifications go out in Chinese, the language of the hall. */
    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    private final Notifications notifications;
    private final FloorSupervisors supervisors;
    private final MessageSource messages;

    FloorAlertNotifier(Notifications notifications, FloorSupervisors supervisors, MessageSource messages) {
        this.notifications = notifications;
        this.supervisors = supervisors;
        this.messages = messages;
    }

    @ApplicationModuleListener
    void on(FloorAlertRaised alert) {
        String kind = messages.getMessage("queue.floor.alert.kind." + alert.kind(), null, ZH);
        String subject = messages.getMessage("queue.floor.notify.subject", new Object[] {kind}, ZH);
        String body = messages.getMessage("queue.floor.notify.body", new Object[] {alert.message()}, ZH);
        for (long staff : supervisors.toNotify(alert.centreId())) {
            notifications.message(alert.centreId(), Inbox.staff(staff), subject, body, "/queue/floor");
        }
    }
}
