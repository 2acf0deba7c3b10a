package org.openhall.queue.internal;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openhall.organization.CentreInfo;
import org.openhall.organization.OrganizationApi;
import org.openhall.queue.PriorityClass;
import org.openhall.queue.TicketChannel;
import org.openhall.shared.DomainException;
import org.openhall.shared.MobileNumber;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Q-1 online ticket taking (mobile): a mobile number is required (the applicant is told by SMS when the ticket is near)
 * and one mobile takes at most {@link QueuePageRules#onlineTicketsPerMobile()} tickets per centre and day. The count is
 * kept in {@code q_online_quota} with a conditional update in the transaction that issues the ticket, so concurrent
 * requests never pass the limit and a refused issue (closed hall, cap reached) uses nothing.
 */
@Service
public class OnlineTickets {

    private final QueueDesk desk;
    private final QueueServices services;
    private final OrganizationApi organization;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final QueuePageRules rules;

    OnlineTickets(QueueDesk desk, QueueServices services, OrganizationApi organization, JdbcClient jdbc, Clock clock,
            QueuePageRules rules) {
        this.desk = desk;
        this.services = services;
        this.organization = organization;
        this.jdbc = jdbc;
        this.clock = clock;
        this.rules = rules;
    }

    @Transactional
    public QueueDesk.IssuedTicket issue(long centreId, long serviceId, String mobile, @Nullable String name) {
        if (!MobileNumber.isValid(mobile)) {
            throw DomainException.invalid("mobile", "shared.mobile.invalid");
        }
        String m = MobileNumber.of(mobile).value();
        String cleanName = name == null || name.isBlank() ? null : name.strip();
        if (cleanName != null && cleanName.length() > 50) {
            throw DomainException.invalid("name", "queue.pages.online.nameTooLong", 50);
        }
        QueueServices.ServiceView service = services.service(serviceId).filter(s -> s.centreId() == centreId)
                .orElseThrow(() -> DomainException.notFound("queue.pages.service.unknown"));
        if (!service.active()) {
            throw DomainException.invalid("serviceId", "queue.pages.service.unknown");
        }
        ZoneId zone = organization.centre(centreId).map(CentreInfo::zone).orElseThrow(
                () -> DomainException.notFound("queue.pages.centre.unknown"));
        take(centreId, LocalDate.now(clock.withZone(zone)), m);
        return desk.issue(new QueueDesk.IssueRequest(centreId, serviceId, TicketChannel.ONLINE, PriorityClass.ORDINARY,
                null, cleanName, m, null, List.of()), "online");
    }

    /** One ticket from the mobile's allowance of the day, or 409 when it is used up. */
    private void take(long centreId, LocalDate day, String mobile) {
        int max = rules.onlineTicketsPerMobile();
        for (int attempt = 0; attempt < 3; attempt++) {
            int updated = jdbc.sql("""
                    update q_online_quota set issued = issued + 1
                    where centre_id = :c and business_date = :d and mobile = :m and issued < :max""")
                    .param("c", centreId).param("d", Date.valueOf(day)).param("m", mobile).param("max", max).update();
            if (updated == 1) {
                return;
            }
            int inserted;
            try {
                inserted = max < 1 ? 0 : jdbc.sql("""
                        insert into q_online_quota (centre_id, business_date, mobile, issued) values (:c, :d, :m, 1)
                        on conflict do nothing""")
                        .param("c", centreId).param("d", Date.valueOf(day)).param("m", mobile).update();
            } catch (DuplicateKeyException e) {
                inserted = 0;
            }
            if (inserted == 1) {
                return;
            }
            Integer used = jdbc.sql("select issued from q_online_quota where centre_id = :c and business_date = :d and mobile = :m")
                    .param("c", centreId).param("d", Date.valueOf(day)).param("m", mobile).query(Integer.class)
                    .optional().orElse(null);
            if (used == null ? max < 1 : used >= max) {
                throw DomainException.conflict("queue.pages.online.limit", max);
            }
        }
        throw DomainException.conflict("queue.pages.online.limit", max);
    }
}
