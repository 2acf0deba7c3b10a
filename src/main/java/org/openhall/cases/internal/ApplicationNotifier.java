package org.openhall.cases.internal;

import org.openhall.notification.Inbox;
import org.openhall.notification.Notifications;
import org.openhall.shared.web.Bilingual;
import org.springframework.context.MessageSource;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells the applicant that the online application arrived, with its number and where to follow it (CASE-10, CASE-6):
 * a text message to the mobile, an e-mail when one was given, and a public message of the case that the progress
 * page shows. Runs after the submission has committed; a delivery problem is recorded by the notifications, never
 * thrown back.
 */
@Component
class ApplicationNotifier {

    private final JdbcClient jdbc;
    private final Notifications notifications;
    private final MessageSource messages;
    private final Environment environment;
    private final ApplicationProperties properties;

    ApplicationNotifier(JdbcClient jdbc, Notifications notifications, MessageSource messages, Environment environment,
            ApplicationProperties properties) {
        this.properties = properties;
        this.jdbc = jdbc;
        this.notifications = notifications;
        this.messages = messages;
        this.environment = environment;
    }

    private record Contact(String itemName, String mobile, String email) {
    }

    @ApplicationModuleListener
    void on(ApplicationSubmitted event) {
        Contact c = jdbc.sql("select item_name, applicant_mobile, applicant_email from cas_application where id = :id")
                .param("id", event.applicationId())
                .query((rs, n) -> new Contact(rs.getString("item_name"), rs.getString("applicant_mobile"),
                        rs.getString("applicant_email"))).single();
        // the same address as the QR code on the notices: {openhall.public-url}/progress?number=N
        String base = environment.getProperty("openhall.public-url", "http://localhost:8080").strip();
        String link = base.replaceAll("/+$", "") + "/progress?number=" + event.number();
        String subject = text("cases.public.notify.subject", event.number());
        String body = text("cases.public.notify.body", c.itemName(), event.number(), link, properties.reviewLimitDays());
        notifications.sms(event.centreId(), c.mobile(), text("cases.public.notify.sms", c.itemName(), event.number(), link,
                properties.reviewLimitDays()));
        if (c.email() != null && !c.email().isBlank()) {
            notifications.email(event.centreId(), c.email(), subject, body);
        }
        notifications.message(event.centreId(), Inbox.ofCase(event.number()), subject,
                text("cases.public.notify.public", c.itemName()), "/progress?number=" + event.number());
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, Bilingual.ZH);
    }
}
