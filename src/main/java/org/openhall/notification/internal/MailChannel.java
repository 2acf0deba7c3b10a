package org.openhall.notification.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * E-mail over SMTP through Spring's {@link JavaMailSender}, which Spring Boot configures when
 * {@code spring.mail.host} is set: plain text, UTF-8 subject and body, from {@code openhall.notification.mail.from}.
 * Without a mail server every e-mail is SKIPPED.
 */
@Component
public class MailChannel {

    private static final Logger log = LoggerFactory.getLogger(MailChannel.class);

    private final ObjectProvider<JavaMailSender> sender;
    private final NotificationProperties properties;
    private final Clock clock;

    MailChannel(ObjectProvider<JavaMailSender> sender, NotificationProperties properties, Clock clock) {
        this.sender = sender;
        this.properties = properties;
        this.clock = clock;
    }

    public boolean configured() {
        return sender.getIfAvailable() != null;
    }

    /** Whether {@code to} is one plain e-mail address (no list, no display name). */
    public static boolean validAddress(@Nullable String to) {
        if (to == null || to.isBlank() || to.length() > 254) {
            return false;
        }
        try {
            InternetAddress a = new InternetAddress(to.strip(), true);
            a.validate();
            return a.getPersonal() == null && a.getAddress().equals(to.strip()) && a.getAddress().contains("@");
        } catch (AddressException e) {
            return false;
        }
    }

    /** Sends one message; never throws. */
    public Outcome send(String to, String subject, String body) {
        JavaMailSender mail = sender.getIfAvailable();
        if (mail == null) {
            log.info("E-mail \"{}\" not sent: no mail server configured (spring.mail.host)", subject);
            return Outcome.skipped("spring.mail.host");
        }
        try {
            MimeMessage message = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
            NotificationProperties.Mail m = properties.mail();
            if (m.fromName().isBlank()) {
                helper.setFrom(m.from());
            } else {
                helper.setFrom(m.from(), m.fromName());
            }
            helper.setTo(to.strip());
            helper.setSubject(subject);
            helper.setText(body, false);
            helper.setSentDate(Date.from(clock.instant()));
            mail.send(message);
            return Outcome.sent(1);
        } catch (MailException | MessagingException | UnsupportedEncodingException e) {
            log.warn("E-mail \"{}\" failed: {}", subject, e.toString());
            return Outcome.failed(Reason.SMTP, rootMessage(e), 1);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        StringBuilder sb = new StringBuilder(String.valueOf(e.getMessage()));
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
            if (t.getMessage() != null && !sb.toString().contains(t.getMessage())) {
                sb.append(" / ").append(t.getMessage());
            }
        }
        return sb.toString();
    }
}
