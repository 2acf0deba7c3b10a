package org.openhall.cases.internal;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.openhall.cases.CaseWarningRaised;
import org.openhall.cases.WarningLevel;
import org.openhall.notification.Inbox;
import org.openhall.notification.Notifications;
import org.openhall.organization.OrganizationApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Sends each raised warning to the person responsible (CASE-5: 每个预警发送给责任人): always an in-system message to
 * their inbox with a link to the case, and an SMS to their mobile when {@code openhall.cases.warnings.sms} is on and
 * the organisation has a mobile for them. Runs after the dispatcher's transaction committed; the event publication
 * registry retries it after a crash. A warning without a responsible person (no handler assigned yet) is shown on the
 * board only.
 */
@Component
class WarningNotifier {

    private static final Logger log = LoggerFactory.getLogger(WarningNotifier.class);
    /** Notifications go out in Chinese, the language of the hall. */
    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    private final JdbcClient jdbc;
    private final ObjectProvider<Notifications> notifications;
    private final OrganizationApi organization;
    private final MessageSource messages;
    private final WarningRules rules;

    WarningNotifier(JdbcClient jdbc, ObjectProvider<Notifications> notifications, OrganizationApi organization,
            MessageSource messages, WarningRules rules) {
        this.jdbc = jdbc;
        this.notifications = notifications;
        this.organization = organization;
        this.messages = messages;
        this.rules = rules;
    }

    private record Subject(String itemName, @Nullable LocalDate dueDate) {
    }

    @ApplicationModuleListener
    void on(CaseWarningRaised warning) {
        Long staff = warning.responsibleStaffId();
        if (staff == null || warning.level() == WarningLevel.NONE) {
            return;
        }
        Notifications out = notifications.getIfAvailable();
        if (out == null) {
            log.warn("no notification service: warning of case {} not sent", warning.number());
            return;
        }
        Subject s = subject(warning);
        String level = warning.level().name().toLowerCase(Locale.ROOT);
        String what = warning.stepId() == null ? "case" : "step";
        Object[] args = {warning.number(), s.itemName(), s.dueDate() == null ? "" : s.dueDate().toString()};
        String title = messages.getMessage("cases.warnings.notify." + level + ".subject", args, ZH);
        String body = messages.getMessage("cases.warnings.notify." + level + "." + what, args, ZH);
        out.message(warning.centreId(), Inbox.staff(staff), title, body, "/cases/" + warning.number());
        if (rules.sms()) {
            Optional<String> mobile = organization.staffMobile(staff);
            mobile.filter(m -> !m.isBlank()).ifPresent(m -> out.sms(warning.centreId(), m,
                    messages.getMessage("cases.warnings.notify." + level + ".sms", args, ZH)));
        }
    }

    private Subject subject(CaseWarningRaised w) {
        if (w.stepId() != null) {
            return jdbc.sql("select c.item_name, s.due_date from cas_step s join cas_case c on c.id = s.case_id"
                            + " where s.id = :id")
                    .param("id", w.stepId())
                    .query((rs, n) -> new Subject(rs.getString(1), rs.getObject(2, LocalDate.class))).single();
        }
        return jdbc.sql("select item_name, due_date from cas_case where id = :id").param("id", w.caseId())
                .query((rs, n) -> new Subject(rs.getString(1), rs.getObject(2, LocalDate.class))).single();
    }
}
