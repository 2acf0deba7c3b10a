package org.openhall.queue.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.openhall.organization.CentreInfo;
import org.openhall.organization.OrganizationApi;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * People waiting and estimated waits for the kiosk, the online page, the ticket status and the console: the
 * floor's {@link WaitEstimates} when the application has them, otherwise a plain estimate (waiting tickets × the
 * service's default minutes ÷ the windows signed in for it), so that the pages never show nothing.
 */
@Component
public class PageEstimates {

    private final ObjectProvider<WaitEstimates> estimates;
    private final QueueServices services;
    private final OrganizationApi organization;
    private final JdbcClient jdbc;
    private final Clock clock;

    PageEstimates(ObjectProvider<WaitEstimates> estimates, QueueServices services, OrganizationApi organization,
            JdbcClient jdbc, Clock clock) {
        this.estimates = estimates;
        this.services = services;
        this.organization = organization;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Per active service of the centre, in display order. */
    @Transactional(readOnly = true)
    public List<WaitEstimates.ServiceLoad> forCentre(long centreId) {
        WaitEstimates e = estimates.getIfAvailable();
        if (e != null) {
            return e.forCentre(centreId);
        }
        LocalDate today = today(centreId);
        List<WaitEstimates.ServiceLoad> out = new ArrayList<>();
        for (QueueServices.ServiceView s : services.services(centreId)) {
            if (!s.active()) {
                continue;
            }
            int waiting = waiting(s.id(), today);
            int open = openWindows(s.id());
            out.add(new WaitEstimates.ServiceLoad(s.id(), s.code(), s.name(), s.prefix(), waiting, open,
                    s.defaultMinutes(), (int) Math.ceil(waiting * (double) s.defaultMinutes() / Math.max(1, open))));
        }
        return out;
    }

    /** For a waiting ticket. */
    @Transactional(readOnly = true)
    public WaitEstimates.Estimate forTicket(long ticketId) {
        WaitEstimates e = estimates.getIfAvailable();
        if (e != null) {
            return e.forTicket(ticketId);
        }
        record T(long serviceId, LocalDate day, java.sql.Timestamp rankAt) {
        }
        T t = jdbc.sql("select service_id, business_date, rank_at from q_ticket where id = :id").param("id", ticketId)
                .query((rs, i) -> new T(rs.getLong(1), rs.getDate(2).toLocalDate(), rs.getTimestamp(3))).single();
        int ahead = jdbc.sql("""
                select count(*) from q_ticket where service_id = :s and business_date = :d and status = 'WAITING'
                and (rank_at < :r or (rank_at = :r and id < :id))""")
                .param("s", t.serviceId()).param("d", t.day()).param("r", t.rankAt()).param("id", ticketId)
                .query(Integer.class).single();
        int minutes = services.service(t.serviceId()).map(QueueServices.ServiceView::defaultMinutes).orElse(8);
        return new WaitEstimates.Estimate(ahead, (int) Math.ceil(ahead * (double) minutes / Math.max(1, openWindows(t.serviceId()))));
    }

    private LocalDate today(long centreId) {
        return LocalDate.now(clock.withZone(organization.centre(centreId).map(CentreInfo::zone)
                .orElse(java.time.ZoneId.of("Asia/Shanghai"))));
    }

    private int waiting(long serviceId, LocalDate day) {
        return jdbc.sql("select count(*) from q_ticket where service_id = :s and business_date = :d and status = 'WAITING'")
                .param("s", serviceId).param("d", day).query(Integer.class).single();
    }

    private int openWindows(long serviceId) {
        return jdbc.sql("""
                select count(*) from q_window_service ws join q_window_state st on st.window_id = ws.window_id
                where ws.service_id = :s and st.status in ('IDLE', 'CALLING', 'SERVING')""")
                .param("s", serviceId).query(Integer.class).single();
    }
}
