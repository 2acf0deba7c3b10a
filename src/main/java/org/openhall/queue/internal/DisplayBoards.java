package org.openhall.queue.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.openhall.organization.CentreInfo;
import org.openhall.organization.OrganizationApi;
import org.openhall.queue.WindowStatus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the hall and window displays show when they open: the last calls, each window's state, the people
 * waiting and the average handling time per service, and the event id the picture was taken at — the display's stream
 * resumes from there, so nothing that happens while the page loads is missed (an event it already shows is recognised
 * by its id).
 */
@Component
public class DisplayBoards {

    private final LiveHub hub;
    private final LiveLog log;
    private final QueueDesk desk;
    private final QueueServices services;
    private final ObjectProvider<WaitEstimates> estimates;
    private final OrganizationApi organization;
    private final QueueRules rules;
    private final JdbcClient jdbc;
    private final Clock clock;

    DisplayBoards(LiveHub hub, LiveLog log, QueueDesk desk, QueueServices services,
            ObjectProvider<WaitEstimates> estimates, OrganizationApi organization, QueueRules rules, JdbcClient jdbc,
            Clock clock) {
        this.clock = clock;
        this.hub = hub;
        this.log = log;
        this.desk = desk;
        this.services = services;
        this.estimates = estimates;
        this.organization = organization;
        this.rules = rules;
        this.jdbc = jdbc;
    }

    /** A call on the hall display: the event id, number, window, masked name (if any), service. */
    public record CallLine(long eventId, String number, String window, @Nullable String name, String service,
            Instant at) {
    }

    /** A window as the displays show it. */
    public record WindowLine(long windowId, String number, String name, WindowStatus status,
            @Nullable String staffName, @Nullable String currentNumber, @Nullable String pauseReason,
            @Nullable Instant pauseUntil, List<String> alternatives) {

        public boolean paused() {
            return status == WindowStatus.PAUSED;
        }

        public boolean signedOut() {
            return status == WindowStatus.SIGNED_OUT;
        }
    }

    /** People waiting and average handling minutes of a service. */
    public record ServiceLine(long serviceId, String name, String prefix, int waiting, double averageMinutes,
            int estimatedWaitMinutes) {
    }

    public record HallBoard(CentreInfo centre, long lastEventId, List<CallLine> calls, List<WindowLine> windows,
            List<ServiceLine> services) {
    }

    public record WindowBoard(CentreInfo centre, long lastEventId, WindowLine window) {
    }

    @Transactional(readOnly = true)
    public HallBoard hall(long centreId) {
        // first the position, then the picture: whatever happens in between comes again on the stream
        long at = hub.watermark();
        CentreInfo centre = organization.centre(centreId).orElseThrow();
        List<CallLine> calls = new ArrayList<>();
        for (LiveEvent e : log.latestCalls(centreId, Math.max(1, rules.hallDisplayCalls()))) {
            calls.add(call(e));
        }
        List<WindowLine> windows = desk.windows(centreId).stream().map(DisplayBoards::line)
                .sorted(Comparator.comparing((WindowLine w) -> w.number().length()).thenComparing(WindowLine::number))
                .toList();
        return new HallBoard(centre, at, calls, windows, services(centreId));
    }

    @Transactional(readOnly = true)
    public WindowBoard window(long windowId) {
        long at = hub.watermark();
        QueueDesk.WindowView w = desk.window(windowId).orElseThrow();
        CentreInfo centre = organization.centre(w.centreId()).orElseThrow();
        return new WindowBoard(centre, at, line(w));
    }

    /**
     * The people waiting now per active service of the centre (today's WAITING tickets, as the board counts them), read
     * from the database: the hall display asks for them after ticket events instead of counting by itself, so that its
     * numbers are the database's whichever node served the command. Services nobody waits for are 0.
     */
    @Transactional(readOnly = true)
    public Map<Long, Integer> waiting(long centreId) {
        CentreInfo centre = organization.centre(centreId).orElseThrow();
        LocalDate today = clock.instant().atZone(centre.zone()).toLocalDate();
        Map<Long, Integer> out = new LinkedHashMap<>();
        for (QueueServices.ServiceView s : services.services(centreId)) {
            if (s.active()) {
                out.put(s.id(), 0);
            }
        }
        jdbc.sql("""
                select service_id, count(*) from q_ticket
                where service_id in (select id from q_service where centre_id = :c) and business_date = :d
                  and status = 'WAITING' group by service_id""")
                .param("c", centreId).param("d", today)
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getInt(2))).list()
                .forEach(e -> out.computeIfPresent(e.getKey(), (k, v) -> e.getValue()));
        return out;
    }

    private static CallLine call(LiveEvent e) {
        Map<String, Object> d = e.data();
        return new CallLine(e.id(), str(d.get("number")), str(d.get("window")), (String) d.get("name"),
                str(d.get("service")), e.createdAt());
    }

    private static String str(@Nullable Object o) {
        return o == null ? "" : o.toString();
    }

    private static WindowLine line(QueueDesk.WindowView w) {
        String current = w.current() == null ? null : w.current().number();
        return new WindowLine(w.windowId(), w.number(), w.name(), w.status(), w.staffName(), current, w.pauseReason(),
                w.pauseUntil(), w.alternatives());
    }

    private List<ServiceLine> services(long centreId) {
        WaitEstimates e = estimates.getIfAvailable();
        if (e != null) {
            return e.forCentre(centreId).stream().map(l -> new ServiceLine(l.serviceId(), l.name(), l.prefix(),
                    l.waiting(), l.averageMinutes(), l.estimatedWaitMinutes())).toList();
        }
        // without the estimator: the people waiting now and the service's configured handling time
        List<ServiceLine> out = new ArrayList<>();
        for (QueueServices.ServiceView s : services.services(centreId)) {
            if (!s.active()) {
                continue;
            }
            int waiting = jdbc.sql("select count(*) from q_ticket where service_id = :s and status = 'WAITING'")
                    .param("s", s.id()).query(Integer.class).single();
            out.add(new ServiceLine(s.id(), s.name(), s.prefix(), waiting, s.defaultMinutes(), 0));
        }
        return out;
    }
}
