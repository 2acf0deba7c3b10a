package org.openhall.notification.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.openhall.notification.Channel;
import org.openhall.security.AuditTrail;
import org.openhall.security.CurrentUser;
import org.openhall.security.CurrentUsers;
import org.openhall.security.Role;
import org.openhall.shared.DomainException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 重发: the centre office (or an ADMIN) sends a FAILED e-mail or SMS again to the recorded address. The row is
 * locked while it is sent, so two clicks send once; the outcome replaces the old one, the attempts add up and the
 * audit trail keeps the state before (SEC-3).
 */
@Service
public class Resends {

    private final DeliveryLog log;
    private final MailChannel mail;
    private final SmsGateway sms;
    private final NotificationProperties properties;
    private final CurrentUsers users;
    private final AuditTrail audit;

    Resends(DeliveryLog log, MailChannel mail, SmsGateway sms, NotificationProperties properties, CurrentUsers users,
            AuditTrail audit) {
        this.log = log;
        this.mail = mail;
        this.sms = sms;
        this.properties = properties;
        this.users = users;
        this.audit = audit;
    }

    /** Whether the signed-in user may see (and resend) the deliveries of a centre. */
    public static boolean mayManage(CurrentUser user, long centreId) {
        return user.hasRole(Role.ADMIN) || user.hasRole(Role.CENTRE_OFFICE) && user.canSeeCentre(centreId);
    }

    @Transactional
    public LoggedDelivery resend(long id) {
        CurrentUser user = users.require();
        LoggedDelivery d = log.lock(id).orElseThrow(() -> DomainException.notFound("ntf.delivery.notFound", id));
        if (!mayManage(user, d.centreId())) {
            throw DomainException.forbidden("ntf.delivery.forbidden");
        }
        if (!d.resendable()) {
            throw DomainException.conflict("ntf.delivery.notResendable", id);
        }
        Outcome outcome = d.channel() == Channel.EMAIL ? email(d) : sms(d);
        log.updateAfterResend(id, outcome);
        LoggedDelivery after = log.find(id).orElseThrow();
        audit.record(d.centreId(), "NotificationDelivery", Long.toString(id), "RESEND", state(d), state(after));
        return after;
    }

    private Outcome email(LoggedDelivery d) {
        String subject = d.subject() == null ? "" : d.subject();
        Outcome refused = NotificationService.checkEmail(d.recipient(), subject, d.body());
        return refused != null ? refused : mail.send(d.recipient(), subject, d.body());
    }

    private Outcome sms(LoggedDelivery d) {
        Outcome refused = NotificationService.checkSms(d.recipient(), d.body(), properties.sms());
        return refused != null ? refused : sms.send(d.recipient(), d.body());
    }

    /** What the audit keeps: the outcome, not the address or the text (SEC-2). */
    private static Map<String, Object> state(LoggedDelivery d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("channel", d.channel().name());
        m.put("recipient", d.recipientMasked());
        m.put("status", d.status().name());
        m.put("detail", d.detail());
        m.put("attempts", d.attempts());
        return m;
    }
}
