package org.openhall.cases.internal;

import java.time.LocalDate;
import java.util.Locale;
import org.openhall.cases.CaseCompleted;
import org.openhall.cases.CaseResult;
import org.openhall.notification.Inbox;
import org.openhall.notification.Notifications;
import org.openhall.organization.OrganizationApi;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * CASE-7 (seed 003 三(三)1 办理结果通知: 电话、短信、邮件或在业务办理系统中推送消息): after a decision has been committed,
 * tells the applicant — a text message to the mobile, an e-mail when an address was given, and an in-system message
 * on the case's public message list (shown on the progress page). Each delivery is recorded by the notification
 * module; a failed delivery is recorded, never thrown back into the case. Runs asynchronously after commit, and the
 * event publication registry retries it after a restart if it did not finish.
 */
@Component
class ResultNotifier {

    private final CaseStore store;
    private final ObjectProvider<Notifications> notifications;
    private final OrganizationApi org;
    private final MessageSource messages;

    ResultNotifier(CaseStore store, ObjectProvider<Notifications> notifications, OrganizationApi org,
            MessageSource messages) {
        this.store = store;
        this.notifications = notifications;
        this.org = org;
        this.messages = messages;
    }

    private String t(String key, Object... args) {
        return messages.getMessage(key, args, key, Locale.SIMPLIFIED_CHINESE);
    }

    @ApplicationModuleListener
    void on(CaseCompleted event) {
        Notifications n = notifications.getIfAvailable();
        CaseRecord c = store.findById(event.caseId()).orElse(null);
        if (n == null || c == null) {
            return;
        }
        String centre = org.centre(c.centreId).map(x -> x.name()).orElse("");
        String result = t("cases.result." + event.result().name());
        String date = c.completedAt == null ? ""
                : Notices.date(LocalDate.ofInstant(c.completedAt, org.centre(c.centreId).map(x -> x.zone())
                        .orElse(java.time.ZoneId.of("Asia/Shanghai"))));
        String next = event.result() == CaseResult.APPROVED ? t("cases.notify.approvedNext") : t("cases.notify.refusedNext");
        String subject = t("cases.notify.subject", c.itemName, result);
        String body = t("cases.notify.body", c.applicantName, c.itemName, c.number, date, result, next, centre);
        n.sms(c.centreId, c.applicantMobile, t("cases.notify.sms", centre, c.itemName, c.number, result, next));
        if (c.applicantEmail != null && !c.applicantEmail.isBlank()) {
            n.email(c.centreId, c.applicantEmail, subject, body);
        }
        n.message(c.centreId, Inbox.ofCase(c.number), subject, body, null);
    }
}
