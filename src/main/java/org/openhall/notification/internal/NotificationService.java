package org.openhall.notification.internal;

import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.openhall.notification.Channel;
import org.openhall.notification.Delivery;
import org.openhall.notification.DeliveryStatus;
import org.openhall.notification.Inbox;
import org.openhall.notification.Message;
import org.openhall.notification.Notifications;
import org.openhall.shared.MobileNumber;
import org.springframework.stereotype.Service;

/**
 * Sends e-mail ({@link MailChannel}), SMS ({@link SmsGateway}) and in-system messages and records each with its
 * outcome in the delivery log. Bad input (an invalid address or mobile, a text over the SMS limit) is a FAILED
 * delivery with its reason, never an exception, so a caller's own work is never undone by a notification.
 */
@Service
public class NotificationService implements Notifications {

    /** The longest subject (column ntf_delivery.subject). */
    public static final int MAX_SUBJECT = 200;
    /** The longest link of an in-system message (column ntf_message.link). */
    public static final int MAX_LINK = 300;

    private static final Pattern INBOX_KEY = Pattern.compile("(staff:\\d{1,18}|case:[A-Za-z0-9-]{1,58})");

    private final DeliveryLog log;
    private final MailChannel mail;
    private final SmsGateway sms;
    private final NotificationProperties properties;

    NotificationService(DeliveryLog log, MailChannel mail, SmsGateway sms, NotificationProperties properties) {
        this.log = log;
        this.mail = mail;
        this.sms = sms;
        this.properties = properties;
    }

    @Override
    public Delivery email(long centreId, String to, String subject, String body) {
        String address = to == null ? "" : to.strip();
        boolean valid = MailChannel.validAddress(address);
        DeliveryLog.Entry entry = new DeliveryLog.Entry(centreId, Channel.EMAIL, cut(address, 254),
                valid ? Recipients.email(address) : cut(Recipients.email(address), 254), cut(subject, MAX_SUBJECT),
                nonNull(body));
        Outcome outcome = checkEmail(address, subject, body);
        if (outcome == null) {
            outcome = mail.send(address, subject, body);
        }
        return delivery(entry, outcome);
    }

    /** Why an e-mail cannot go, or null if it can. */
    static @Nullable Outcome checkEmail(String address, @Nullable String subject, @Nullable String body) {
        if (!MailChannel.validAddress(address)) {
            return Outcome.failed(Reason.INVALID, "email", 0);
        }
        if (subject == null || subject.isBlank()) {
            return Outcome.failed(Reason.INVALID, "subject", 0);
        }
        if (subject.length() > MAX_SUBJECT) {
            return Outcome.failed(Reason.TOO_LONG, "subject " + subject.length() + " > " + MAX_SUBJECT, 0);
        }
        if (body == null || body.isBlank()) {
            return Outcome.failed(Reason.INVALID, "body", 0);
        }
        return null;
    }

    @Override
    public Delivery sms(long centreId, String mobile, String text) {
        String raw = mobile == null ? "" : mobile.strip();
        boolean valid = MobileNumber.isValid(raw);
        String number = valid ? MobileNumber.of(raw).value() : raw;
        DeliveryLog.Entry entry = new DeliveryLog.Entry(centreId, Channel.SMS, cut(number, 254), Recipients.mobile(number),
                null, nonNull(text));
        Outcome outcome = checkSms(number, text, properties.sms());
        if (outcome == null) {
            outcome = sms.send(number, text);
        }
        return delivery(entry, outcome);
    }

    /** Why a text message cannot go, or null if it can. Longer texts are refused, never cut. */
    static @Nullable Outcome checkSms(String mobile, @Nullable String text, NotificationProperties.Sms settings) {
        if (!MobileNumber.isValid(mobile)) {
            return Outcome.failed(Reason.INVALID, "mobile", 0);
        }
        if (text == null || text.isBlank()) {
            return Outcome.failed(Reason.INVALID, "text", 0);
        }
        int length = settings.lengthWithSign(text);
        if (length > settings.maxLength()) {
            return Outcome.failed(Reason.TOO_LONG, length + " > " + settings.maxLength(), 0);
        }
        return null;
    }

    @Override
    public Delivery message(long centreId, Inbox inbox, String subject, String body, @Nullable String link) {
        String key = inbox == null || inbox.key() == null ? "" : inbox.key();
        DeliveryLog.Entry entry = new DeliveryLog.Entry(centreId, Channel.IN_SYSTEM, cut(key, 254), cut(key, 254),
                cut(subject, MAX_SUBJECT), nonNull(body));
        Outcome refused = checkMessage(key, subject, body, link);
        if (refused != null) {
            return delivery(entry, refused);
        }
        long id = log.recordMessage(entry, link == null || link.isBlank() ? null : link.strip());
        return new Delivery(id, Channel.IN_SYSTEM, DeliveryStatus.SENT, null);
    }

    static @Nullable Outcome checkMessage(String key, @Nullable String subject, @Nullable String body, @Nullable String link) {
        if (!INBOX_KEY.matcher(key).matches()) {
            return Outcome.failed(Reason.INVALID, "inbox", 0);
        }
        if (subject == null || subject.isBlank()) {
            return Outcome.failed(Reason.INVALID, "subject", 0);
        }
        if (subject.length() > MAX_SUBJECT) {
            return Outcome.failed(Reason.TOO_LONG, "subject " + subject.length() + " > " + MAX_SUBJECT, 0);
        }
        if (body == null || body.isBlank()) {
            return Outcome.failed(Reason.INVALID, "body", 0);
        }
        // only a path inside OpenHall: no scheme, no host (//evil.example), so a message cannot lead elsewhere
        if (link != null && !link.isBlank() && (!link.strip().startsWith("/") || link.strip().startsWith("//")
                || link.strip().length() > MAX_LINK || link.contains("\\"))) {
            return Outcome.failed(Reason.INVALID, "link", 0);
        }
        return null;
    }

    @Override
    public List<Message> messages(Inbox inbox, int limit) {
        return log.messages(inbox, Math.min(Math.max(limit, 1), 1000));
    }

    private Delivery delivery(DeliveryLog.Entry entry, Outcome outcome) {
        long id = log.record(entry, outcome);
        return new Delivery(id, entry.channel(), outcome.status(), outcome.detail());
    }

    private static String nonNull(@Nullable String s) {
        return s == null ? "" : s;
    }

    private static @Nullable String cut(@Nullable String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
