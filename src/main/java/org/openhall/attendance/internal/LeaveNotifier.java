package org.openhall.attendance.internal;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import org.openhall.attendance.LeaveApproved;
import org.openhall.attendance.LeaveRevoked;
import org.openhall.notification.Inbox;
import org.openhall.notification.Notifications;
import org.openhall.security.Role;
import org.openhall.security.UserAccounts;
import org.openhall.shared.web.Bilingual;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * In-system messages about leave after the change committed (ATT-2): the approvers of a stage that opened, the applicant
 * of a rejected, approved or revoked request, the stand-in of an approved or revoked one, the centre office of a filed
 * one (报中心办公室备案). The notifications never throw; anything else going wrong is logged, never undoes a decision.
 */
@Component
class LeaveNotifier {

    private static final Logger log = LoggerFactory.getLogger(LeaveNotifier.class);

    private final LeaveRequests requests;
    private final Notifications notifications;
    private final UserAccounts accounts;
    private final MessageSource messages;

    LeaveNotifier(LeaveRequests requests, Notifications notifications, UserAccounts accounts, MessageSource messages) {
        this.requests = requests;
        this.notifications = notifications;
        this.accounts = accounts;
        this.messages = messages;
    }

    @ApplicationModuleListener
    void on(LeaveEvents.StageOpened event) {
        safely(event.requestId(), () -> requests.find(event.requestId()).ifPresent(r -> {
            Set<Long> to = new LinkedHashSet<>();
            for (LeaveRequests.Step s : requests.steps(r.id())) {
                if (s.stageNo() != event.stageNo()) {
                    continue;
                }
                if (s.approverStaffId() != null) {
                    to.add(s.approverStaffId());
                } else {
                    accounts.listForCentre(r.centreId()).stream()
                            .filter(a -> a.roles().contains(Role.DEPT_HEAD) && a.enabled() && a.staffId() != null
                                    && Objects.equals(a.departmentId(), s.departmentId()))
                            .forEach(a -> to.add(a.staffId()));
                }
            }
            to.remove(r.staffId());
            String subject = text("att.leave.msg.pending.subject", r.staffName());
            String body = text("att.leave.msg.pending.body", r.staffName(), type(r), span(r), r.days().toPlainString(),
                    r.reason());
            to.forEach(id -> notifications.message(r.centreId(), Inbox.staff(id), subject, body, link(r.id())));
        }));
    }

    @ApplicationModuleListener
    void on(LeaveApproved event) {
        safely(event.requestId(), () -> requests.find(event.requestId()).ifPresent(r -> {
            notifications.message(r.centreId(), Inbox.staff(r.staffId()), text("att.leave.msg.approved.subject"),
                    text("att.leave.msg.approved.body", type(r), span(r), r.days().toPlainString()), link(r.id()));
            if (r.standInStaffId() != null) {
                notifications.message(r.centreId(), Inbox.staff(r.standInStaffId()),
                        text("att.leave.msg.stand-in.subject", r.staffName()),
                        text("att.leave.msg.stand-in.body", r.staffName(), r.departmentName(), span(r)), link(r.id()));
            }
            if (r.filedAt() != null) {
                String subject = text("att.leave.msg.filed.subject", r.staffName());
                String body = text("att.leave.msg.filed.body", r.staffName(), r.departmentName(), type(r), span(r),
                        r.days().toPlainString());
                accounts.listForCentre(r.centreId()).stream()
                        .filter(a -> a.roles().contains(Role.CENTRE_OFFICE) && a.enabled() && a.staffId() != null)
                        .map(UserAccounts.Account::staffId).distinct()
                        .forEach(id -> notifications.message(r.centreId(), Inbox.staff(id), subject, body,
                                link(r.id())));
            }
        }));
    }

    @ApplicationModuleListener
    void on(LeaveEvents.Rejected event) {
        safely(event.requestId(), () -> requests.find(event.requestId()).ifPresent(r ->
                notifications.message(r.centreId(), Inbox.staff(r.staffId()), text("att.leave.msg.rejected.subject"),
                        text("att.leave.msg.rejected.body", type(r), span(r)), link(r.id()))));
    }

    @ApplicationModuleListener
    void on(LeaveEvents.RevocationAsked event) {
        safely(event.requestId(), () -> requests.find(event.requestId()).ifPresent(r -> {
            Set<Long> to = new LinkedHashSet<>();
            var steps = requests.steps(r.id());
            int last = steps.stream().mapToInt(LeaveRequests.Step::stageNo).max().orElse(0);
            steps.stream().filter(s -> s.stageNo() == last && s.approverStaffId() != null)
                    .forEach(s -> to.add(s.approverStaffId()));
            steps.stream().filter(s -> s.stageNo() == last && s.approverStaffId() == null)
                    .forEach(s -> accounts.listForCentre(r.centreId()).stream()
                            .filter(a -> a.roles().contains(Role.DEPT_HEAD) && a.enabled() && a.staffId() != null
                                    && Objects.equals(a.departmentId(), s.departmentId()))
                            .forEach(a -> to.add(a.staffId())));
            to.remove(r.staffId());
            String subject = text("att.leave.msg.revoke-asked.subject", r.staffName());
            String body = text("att.leave.msg.revoke-asked.body", r.staffName(), type(r), span(r),
                    Objects.requireNonNullElse(r.revokeReason(), ""));
            to.forEach(id -> notifications.message(r.centreId(), Inbox.staff(id), subject, body, link(r.id())));
        }));
    }

    @ApplicationModuleListener
    void on(LeaveRevoked event) {
        safely(event.requestId(), () -> requests.find(event.requestId()).ifPresent(r -> {
            notifications.message(r.centreId(), Inbox.staff(r.staffId()), text("att.leave.msg.revoked.subject"),
                    text("att.leave.msg.revoked.body", type(r), span(r)), link(r.id()));
            if (r.standInStaffId() != null) {
                notifications.message(r.centreId(), Inbox.staff(r.standInStaffId()),
                        text("att.leave.msg.stand-in-revoked.subject", r.staffName()),
                        text("att.leave.msg.stand-in-revoked.body", r.staffName(), span(r)), link(r.id()));
            }
        }));
    }

    private void safely(long requestId, Runnable send) {
        try {
            send.run();
        } catch (RuntimeException e) {
            log.warn("leave message for request {} not sent: {}", requestId, e.toString());
        }
    }

    private String type(LeaveRequests.Request r) {
        return text("att.leave.type." + r.type().name());
    }

    private String span(LeaveRequests.Request r) {
        LeaveSpan s = r.span();
        return text("att.leave.span", s.startDay().toString(), text(s.startPm() ? "att.leave.half.PM" : "att.leave.half.AM"),
                s.endDay().toString(), text(s.endAm() ? "att.leave.half.AM" : "att.leave.half.PM"));
    }

    private static String link(long id) {
        return "/attendance/leave/" + id;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, Bilingual.ZH);
    }
}
