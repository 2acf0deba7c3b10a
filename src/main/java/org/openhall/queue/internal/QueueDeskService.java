package org.openhall.queue.internal;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.openhall.calendar.CalendarApi;
import org.openhall.calendar.OpeningHours;
import org.openhall.organization.CentreInfo;
import org.openhall.organization.OrganizationApi;
import org.openhall.organization.StaffSummary;
import org.openhall.organization.WindowInfo;
import org.openhall.queue.PriorityClass;
import org.openhall.queue.PriorityReason;
import org.openhall.queue.ServiceFinished;
import org.openhall.queue.TicketCalled;
import org.openhall.queue.TicketStatus;
import org.openhall.queue.WindowPresence;
import org.openhall.queue.WindowPresenceChanged;
import org.openhall.queue.WindowStatus;
import org.openhall.shared.DomainException;
import org.openhall.shared.Masking;
import org.openhall.shared.MobileNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.function.SingletonSupplier;

/**
 * The hall floor's commands ({@link QueueDesk}, Q-1..Q-5, Q-10).
 *
 * <p><b>A ticket is called by exactly one window</b>, on any number of nodes, with no lock in the JVM: a call first
 * moves its window from IDLE to CALLING with a conditional update on the window's row and version (a second call of the
 * same window, from any thread or node, finds the version changed and gets 409), then claims a ticket with
 * {@code update q_ticket set status = 'CALLED', window_id = … where id = ? and status = 'WAITING'}: the database lets
 * exactly one transaction change the row from WAITING; the others update no row and try the next candidate. Every
 * transaction locks its window's row first and then at most one ticket row, so calls cannot deadlock. A transaction that
 * the database nevertheless refuses for concurrency (H2's lock timeout, a serialization failure) is retried from the
 * start when it is the caller's own transaction, and is otherwise a 409.
 *
 * <p>Numbers: the day's sequence of a service is the {@code q_counter} row, incremented in the issuing transaction
 * (the row lock serializes issues of one service until commit; the daily cap is checked against the incremented value,
 * and a refused ticket rolls the increment back). The first ticket of a service and day inserts the row in the issuing
 * transaction ({@code on conflict do nothing}, never a second connection) and, being the first of a new day, has the
 * earlier days of the centre closed right after its commit ({@link #closeDay}), which the {@link QueueDayCloser} also
 * does every hour: both are idempotent conditional updates.
 *
 * <p>Every change writes {@code q_ticket_history} and appends its {@link LiveEvent} in the same transaction, as the
 * command's last writes and in one round trip on PostgreSQL; the time of a window's session is split into walking
 * (call → counter), serving and paused seconds.
 *
 * <p>The hot path (issue, call, start, finish) reads no static data from the database (centre, opening hours, window,
 * staff name and service come from the {@link FloorDirectory}), reads no row back that it just wrote, and computes no
 * alternatives (the other windows on a paused window's sign): those are computed only for a window that shows its sign.
 */
@Service
class QueueDeskService implements QueueDesk {

    private static final Logger log = LoggerFactory.getLogger(QueueDeskService.class);
    private static final Pattern CASE_NUMBER = Pattern.compile("[A-Za-z0-9-]{1,48}");
    private static final int MAX_CHAIN = 5;
    private static final int ATTEMPTS = 5;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final QueueRules rules;
    private final PriorityRule priority;
    private final LiveEvents live;
    private final OrganizationApi org;
    private final CalendarApi calendar;
    private final ApplicationEventPublisher publisher;
    /** Resolved once: a bean look-up per ticket costs more than it should. */
    private final Supplier<@Nullable WaitEstimates> estimates;
    private final FloorDirectory dir;
    private final TransactionTemplate tx;
    private final TransactionTemplate readOnly;

    QueueDeskService(JdbcClient jdbc, Clock clock, QueueRules rules, LiveEvents live, OrganizationApi org,
            CalendarApi calendar, ApplicationEventPublisher publisher, ObjectProvider<WaitEstimates> estimates,
            FloorDirectory dir, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.rules = rules;
        this.priority = new PriorityRule(rules);
        this.live = live;
        this.org = org;
        this.calendar = calendar;
        this.publisher = publisher;
        this.estimates = SingletonSupplier.of(estimates::getIfAvailable);
        this.dir = dir;
        this.tx = new TransactionTemplate(transactions);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    // =============================================================================================================
    // tickets
    // =============================================================================================================

    @Override
    public IssuedTicket issue(IssueRequest request, String actor) {
        boolean own = !TransactionSynchronizationManager.isActualTransactionActive();
        Issued issued = write(() -> doIssue(request, actor, !own));
        if (issued.firstOfDay() != null && own) {
            // the first ticket of a new day (Q-1 reset daily): the earlier days' open tickets are closed right after it,
            // on the same connection (the issuing transaction has ended), idempotently — never a second connection
            // while the first is held, so that many first tickets at once cannot exhaust the pool
            closeEarlierDays(issued.firstOfDay());
        }
        return issued.ticket();
    }

    private record Issued(IssuedTicket ticket, @Nullable CentreInfo firstOfDay) {
    }

    private void closeEarlierDays(CentreInfo centre) {
        try {
            write(() -> doCloseDay(centre, "system"));
        } catch (RuntimeException e) {
            // the ticket stands; the hourly QueueDayCloser closes what is left
            log.warn("Queue of centre {}: closing earlier days after the day's first ticket failed: {}", centre.code(),
                    e.toString());
        }
    }

    private Issued doIssue(IssueRequest r, String actor, boolean closeInside) {
        CentreInfo centre = dir.centre(r.centreId()).filter(CentreInfo::active)
                .orElseThrow(() -> DomainException.notFound("queue.centre.notFound"));
        QueueServices.ServiceView service = serviceOf(r.centreId(), r.serviceId());
        if (!service.active()) {
            throw DomainException.invalid("serviceId", "queue.service.inactive", service.name());
        }
        if (r.priority() == PriorityClass.SPECIAL && r.reason() == null) {
            throw DomainException.invalid("reason", "queue.ticket.reason.required");
        }
        String name = r.applicantName() == null || r.applicantName().isBlank() ? null : r.applicantName().strip();
        if (name != null && name.length() > 100) {
            throw DomainException.invalid("applicantName", "queue.ticket.name.tooLong");
        }
        String mobile = r.mobile() == null || r.mobile().isBlank() ? null : r.mobile();
        if (mobile != null) {
            if (!MobileNumber.isValid(mobile)) {
                throw DomainException.invalid("mobile", "shared.mobile.invalid");
            }
            mobile = MobileNumber.of(mobile).value();
        }
        List<Long> next = new ArrayList<>(new LinkedHashSet<>(r.nextServices()));
        if (next.size() > MAX_CHAIN) {
            throw DomainException.invalid("nextServices", "queue.ticket.chain.tooLong", MAX_CHAIN);
        }
        for (Long id : next) {
            QueueServices.ServiceView s = serviceOf(r.centreId(), id);
            if (id == r.serviceId() || !s.active()) {
                throw DomainException.invalid("nextServices", "queue.ticket.chain.invalid");
            }
        }
        Instant now = now();
        LocalDate today = openDay(centre, now);

        Number number0 = takeNumber(centre, service, today);
        int seq = number0.seq();
        if (number0.first() && closeInside) {
            // inside a caller's transaction: its connection, its transaction (conditional updates, idempotent)
            doCloseDay(centre, "system");
        }
        if (service.dailyCap() != null && seq > service.dailyCap()) {
            throw DomainException.conflict("queue.ticket.capReached", service.name(), service.dailyCap());
        }
        String number = TicketNumbers.format(service.prefix(), service.rangeStart(), service.rangeEnd(), seq);
        String publicCode = TicketNumbers.publicCode();
        String next0 = TicketRow.csv(next);
        PriorityReason reason = r.priority() == PriorityClass.SPECIAL ? Objects.requireNonNull(r.reason()) : null;
        Map<String, Object> p = new HashMap<>();
        p.put("c", centre.id());
        p.put("s", service.id());
        p.put("d", today);
        p.put("seq", seq);
        p.put("n", number);
        p.put("code", publicCode);
        p.put("ch", r.channel().name());
        p.put("pc", r.priority().name());
        p.put("pr", new SqlParameterValue(Types.VARCHAR, reason == null ? null : reason.name()));
        p.put("name", new SqlParameterValue(Types.VARCHAR, name));
        p.put("mobile", new SqlParameterValue(Types.VARCHAR, mobile));
        p.put("appt", new SqlParameterValue(Types.BIGINT, r.appointmentId()));
        p.put("now", Timestamp.from(now));
        p.put("next", new SqlParameterValue(Types.VARCHAR, next0));
        String columns = """
                centre_id, service_id, business_date, seq, number, public_code, channel, priority_class, priority_reason,
                applicant_name, applicant_mobile, appointment_id, status, issued_at, queued_at, rank_at, next_service_ids""";
        String values = """
                :c, :s, :d, :seq, :n, :code, :ch, :pc, :pr, :name, :mobile, :appt, 'WAITING', :now, :now, :now, :next""";
        List<Checked> writes = List.of();
        long id;
        if (number0.id() != null) {
            // the id came with the number (PostgreSQL): the row goes with its history row and event, one round trip
            id = number0.id();
            p.put("id", id);
            writes = List.of(new Checked(new LiveEvents.Write(
                    "insert into q_ticket (id, " + columns + ") values (:id, " + values + ")", p), null));
        } else {
            GeneratedKeyHolder keys = new GeneratedKeyHolder();
            jdbc.sql("insert into q_ticket (" + columns + ") values (" + values + ")").params(p).update(keys, "id");
            id = Objects.requireNonNull(keys.getKey()).longValue();
        }
        // the row as written (no read back)
        TicketRow t = new TicketRow(id, centre.id(), service.id(), service.code(), service.name(), today, seq, number,
                publicCode, r.channel(), r.priority(), reason, name, mobile, r.appointmentId(), TicketStatus.WAITING, now,
                now, now, null, null, null, null, null, null, 0, 0, 0, null, null, 0, next, null, 0);
        WaitEstimates.Issued estimate = estimate(t);
        Map<String, Object> data = ticketData(t, null);
        data.put("service", t.serviceName());
        data.put("waiting", estimate.waiting());
        historyAndEvents(centre.id(), id, "ISSUE", null, null, actor, r.channel().name(), now,
                List.of(new LiveEvents.Draft("ticket.issued", null, data)), writes);
        return new Issued(new IssuedTicket(view(t, null), estimate.estimate().peopleAhead(), estimate.estimate().minutes()),
                number0.first() && !closeInside ? centre : null);
    }

    /** The business date in the centre's zone if the hall is open now (CAL-1, CAL-2); 422 otherwise. */
    private LocalDate openDay(CentreInfo centre, Instant now) {
        ZoneId zone = dir.zone(centre);
        ZonedDateTime local = now.atZone(zone);
        LocalDate today = local.toLocalDate();
        if (!calendar.isWorkingDay(centre.code(), today)) {
            throw DomainException.unprocessable("queue.hall.closedDay", today.toString());
        }
        OpeningHours hours = dir.openingHours(centre);
        if (!hours.isOpenAt(local.toLocalTime())) {
            throw DomainException.unprocessable("queue.hall.closedHours", hours.opens().toString(), hours.closes().toString());
        }
        return today;
    }

    /**
     * The day's sequence number taken, whether it was the service's first of the day, and on PostgreSQL the new ticket's
     * id taken with it (null: the insert generates it).
     */
    private record Number(int seq, boolean first, @Nullable Long id) {
    }

    /**
     * Increments the service's counter of the day (row locked until commit). The first ticket of a service and day
     * creates the row in the same transaction ({@code on conflict do nothing}: of several first tickets at once one
     * inserts, the others wait for its row lock and increment after it), on the caller's connection.
     */
    private Number takeNumber(CentreInfo centre, QueueServices.ServiceView service, LocalDate day) {
        Number taken = increment(service.id(), day);
        if (taken != null) {
            return taken;
        }
        boolean first = jdbc.sql("""
                insert into q_counter (service_id, business_date, centre_id, last_seq) values (:s, :d, :c, 0)
                on conflict do nothing""")
                .param("s", service.id()).param("d", day).param("c", centre.id()).update() == 1;
        taken = increment(service.id(), day);
        if (taken == null) {
            throw new IllegalStateException("no counter for service " + service.id() + " on " + day);
        }
        return new Number(taken.seq(), first, taken.id());
    }

    /**
     * The incremented number (not the day's first), null if the day has no counter row yet. On PostgreSQL one statement,
     * which also takes the ticket's id from its identity sequence, so that the ticket can be written together with its
     * history and event.
     */
    private @Nullable Number increment(long serviceId, LocalDate day) {
        if (postgres()) {
            return jdbc.sql("""
                    update q_counter set last_seq = last_seq + 1 where service_id = ? and business_date = ?
                    returning last_seq, nextval(pg_get_serial_sequence('q_ticket', 'id'))""")
                    .params(serviceId, day).query((rs, n) -> new Number(rs.getInt(1), false, rs.getLong(2)))
                    .optional().orElse(null);
        }
        int rows = jdbc.sql("update q_counter set last_seq = last_seq + 1 where service_id = :s and business_date = :d")
                .param("s", serviceId).param("d", day).update();
        return rows == 0 ? null : new Number(jdbc.sql("select last_seq from q_counter where service_id = :s and business_date = :d")
                .param("s", serviceId).param("d", day).query(Integer.class).single(), false, null);
    }

    @Override
    public void cancel(long ticketId, String actor) {
        write(() -> {
            TicketRow t = ticketRow(ticketId).orElseThrow(() -> DomainException.notFound("queue.ticket.notFound"));
            if (t.status() != TicketStatus.WAITING && t.status() != TicketStatus.SKIPPED) {
                throw DomainException.conflict("queue.ticket.notWaiting", t.number());
            }
            Instant now = clock.instant();
            int rows = jdbc.sql("""
                    update q_ticket set status = 'CANCELLED', finished_at = :now, version = version + 1
                    where id = :id and version = :v and status in ('WAITING', 'SKIPPED')""")
                    .param("now", Timestamp.from(now)).param("id", ticketId).param("v", t.version()).update();
            if (rows != 1) {
                throw DomainException.conflict("queue.ticket.notWaiting", t.number());
            }
            history(t.centreId(), ticketId, "CANCEL", null, null, actor, null, now);
            live.append(t.centreId(), "ticket.cancelled", null, ticketData(t, null));
            return null;
        });
    }

    @Override
    public Optional<TicketView> ticket(long ticketId) {
        return read(() -> ticketRow(ticketId).map(this::view));
    }

    @Override
    public Optional<TicketView> publicTicket(long ticketId, String code) {
        return read(() -> ticketRow(ticketId)
                .filter(t -> MessageDigest.isEqual(t.publicCode().getBytes(StandardCharsets.UTF_8),
                        code.strip().toUpperCase(java.util.Locale.ROOT).getBytes(StandardCharsets.UTF_8)))
                .map(this::view));
    }

    // =============================================================================================================
    // windows
    // =============================================================================================================

    @Override
    public WindowView signIn(long windowId, long staffId, String actor) {
        return write(() -> {
            WindowInfo window = windowInfo(windowId);
            StaffSummary staff = org.staff(staffId).filter(StaffSummary::active)
                    .orElseThrow(() -> DomainException.notFound("queue.staff.notFound"));
            if (staff.centreId() != window.centreId()) {
                throw DomainException.invalid("staffId", "queue.staff.otherCentre");
            }
            Optional<WindowRow> current = stateRow(windowId);
            if (current.isPresent() && current.get().signedIn()) {
                if (Objects.equals(current.get().staffId(), staffId)) {
                    return viewOf(window, current.get());
                }
                throw DomainException.conflict("queue.window.occupied", window.number());
            }
            Optional<Long> elsewhere = jdbc.sql("select window_id from q_window_state where staff_id = :s")
                    .param("s", staffId).query(Long.class).optional();
            if (elsewhere.isPresent()) {
                String other = org.window(elsewhere.get()).map(WindowInfo::number).orElse("?");
                throw DomainException.conflict("queue.staff.elsewhere", staff.name(), other);
            }
            WindowRow state = current.orElseGet(() -> ensureState(window));
            Instant now = clock.instant();
            GeneratedKeyHolder keys = new GeneratedKeyHolder();
            jdbc.sql("insert into q_session (centre_id, window_id, staff_id, signed_in_at) values (:c, :w, :s, :now)")
                    .param("c", window.centreId()).param("w", windowId).param("s", staffId)
                    .param("now", Timestamp.from(now)).update(keys, "id");
            long session = Objects.requireNonNull(keys.getKey()).longValue();
            int rows;
            try {
                rows = jdbc.sql("""
                        update q_window_state set status = 'IDLE', staff_id = :s, session_id = :session,
                            current_ticket_id = null, pause_reason = null, pause_note = null, pause_until = null,
                            priority_streak = 0, since = :now, version = version + 1
                        where window_id = :w and version = :v and status = 'SIGNED_OUT'""")
                        .param("s", staffId).param("session", session).param("now", Timestamp.from(now))
                        .param("w", windowId).param("v", state.version()).update();
            } catch (DataIntegrityViolationException sameStaffElsewhere) {
                throw DomainException.conflict("queue.staff.elsewhere", staff.name(), "?");
            }
            if (rows != 1) {
                throw DomainException.conflict("queue.window.occupied", window.number());
            }
            WindowRow after = stateRow(windowId).orElseThrow();
            appendWindowState(window, after);
            publisher.publishEvent(new WindowPresenceChanged(window.centreId(), windowId, window.number(), staffId, WindowPresence.SIGNED_IN, null, null, now));
            return viewOf(window, after);
        });
    }

    @Override
    public WindowView signOut(long windowId, String actor) {
        return write(() -> {
            WindowInfo window = windowInfo(windowId);
            WindowRow state = signedIn(window);
            Instant now = clock.instant();
            if (state.currentTicketId() != null) {
                release(window, state, now, actor);
            }
            if (state.status() == WindowStatus.PAUSED) {
                addSession(state.sessionId(), "paused_seconds", state.since(), now);
            }
            if (state.sessionId() != null) {
                jdbc.sql("update q_session set signed_out_at = :now where id = :id")
                        .param("now", Timestamp.from(now)).param("id", state.sessionId()).update();
            }
            guard(window, state, "SIGNED_OUT", now, """
                    staff_id = null, session_id = null, pause_reason = null, pause_note = null, pause_until = null,
                    priority_streak = 0,""", Map.of());
            WindowRow after = stateRow(windowId).orElseThrow();
            appendWindowState(window, after);
            publisher.publishEvent(new WindowPresenceChanged(window.centreId(), windowId, window.number(), Objects.requireNonNull(state.staffId()), WindowPresence.SIGNED_OUT, null, null, now));
            return viewOf(window, after);
        });
    }

    /** The window's called or served ticket goes back to waiting at the front of its service (sign-out). */
    private void release(WindowInfo window, WindowRow state, Instant now, String actor) {
        TicketRow t = row(Objects.requireNonNull(state.currentTicketId()));
        accountTicketTime(state, t, now);
        Instant front = jdbc.sql("""
                select priority_class, rank_at from q_ticket where service_id = :s and business_date = :d and status = 'WAITING'""")
                .param("s", t.serviceId()).param("d", t.businessDate())
                .query((rs, n) -> priority.effective(PriorityClass.valueOf(rs.getString(1)), rs.getTimestamp(2).toInstant()))
                .stream().min(Comparator.naturalOrder()).map(e -> e.minusMillis(1)).orElse(priority.effective(t.priority(), t.rankAt()));
        Instant rankAt = priority.rankAtFor(t.priority(), front);
        if (rankAt.isAfter(t.rankAt())) {
            rankAt = t.rankAt();
        }
        updateTicket(t, "status = 'WAITING', window_id = null, staff_id = null, called_at = null, serving_at = null, rank_at = :rank",
                Map.of("rank", Timestamp.from(rankAt)));
        history(t.centreId(), t.id(), "RELEASE", window.id(), state.staffId(), actor, null, now);
        live.append(t.centreId(), "ticket.returned", window.id(), ticketData(t, window));
    }

    @Override
    public Optional<TicketView> callNext(long windowId, String actor) {
        return write(() -> {
            WindowInfo window = windowInfo(windowId);
            Instant now = now();
            LocalDate today = today(window.centreId(), now);
            Calling calling = toCalling(window, today, now);
            WindowRow state = calling.state();
            if (live.guardedWrites()) {
                // the window's row is locked, not changed: each claim goes with the call's other writes
                Optional<TicketView> view = claimAndCall(window, state, calling.waiting(), now, actor);
                if (view.isEmpty() && rules.dispatch()) {
                    // nobody waits for the window's own services: it takes those it is also qualified for
                    view = claimAndCall(window, state, candidates(window, today, false), now, actor);
                }
                return view; // nobody waits: nothing was written
            }
            Optional<TicketRow> called = claimFirst(window, state, calling.waiting(), now);
            if (called.isEmpty() && rules.dispatch()) {
                // nobody waits for the window's own services: it takes those it is also qualified for
                called = claimFirst(window, state, candidates(window, today, false), now);
            }
            if (called.isEmpty()) {
                // nobody waits: the window goes back to IDLE as it was (its row is still locked by this transaction)
                jdbc.sql("update q_window_state set status = 'IDLE', since = :since, version = version + 1 where window_id = :w")
                        .param("since", Timestamp.from(state.since())).param("w", windowId).update();
                return Optional.<TicketView>empty();
            }
            return Optional.of(afterCall(window, state, called.get(), now, actor));
        });
    }

    @Override
    public TicketView call(long windowId, long ticketId, String actor) {
        return write(() -> {
            WindowInfo window = windowInfo(windowId);
            WindowRow state = idle(window);
            TicketRow t = ticketRow(ticketId).orElseThrow(() -> DomainException.notFound("queue.ticket.notFound"));
            Instant now = now();
            if (t.centreId() != window.centreId() || t.status() != TicketStatus.WAITING
                    || !t.businessDate().equals(today(window.centreId(), now))) {
                throw DomainException.conflict("queue.ticket.notWaiting", t.number());
            }
            guard(window, state, "CALLING", now, "", Map.of());
            if (!claim(window, state, t.id(), now)) {
                throw DomainException.conflict("queue.ticket.notWaiting", t.number());
            }
            return afterCall(window, state, t.claimed(window.id(), state.staffId(), now), now, actor);
        });
    }

    /** The idle window (its row locked, or moved to CALLING as it was before) and the tickets waiting for its own line. */
    private record Calling(WindowRow state, List<Waiting> waiting) {
    }

    /** A ticket a window may call: what the calling rule orders by, and what its call tells the displays. */
    private record Waiting(PriorityRule.Candidate candidate, String number, long serviceId,
            @Nullable String applicantName) {

        /** The columns of {@link #CANDIDATES} as they are named there, and with the prefix {@code t_}. */
        static final String[] PLAIN = {"id", "priority_class", "queued_at", "rank_at", "number", "service_id",
            "applicant_name"};
        static final String[] PREFIXED = {"t_id", "t_priority_class", "t_queued_at", "t_rank_at", "t_number",
            "t_service_id", "t_applicant_name"};

        static Waiting map(ResultSet rs, String[] c) throws SQLException {
            return new Waiting(new PriorityRule.Candidate(rs.getLong(c[0]), PriorityClass.valueOf(rs.getString(c[1])),
                    rs.getTimestamp(c[2]).toInstant(), rs.getTimestamp(c[3]).toInstant()),
                    rs.getString(c[4]), rs.getLong(c[5]), rs.getString(c[6]));
        }
    }

    /**
     * The first step of a call: the idle window moves to CALLING by a conditional update (the guard that one window holds
     * one ticket), and the tickets waiting for its own line are read. Returns the window's row as it was before. On
     * PostgreSQL one statement moves and locks the row (a data-modifying {@code with}) and reads the waiting tickets
     * beside it; the row is read again only to say why a call is refused.
     */
    private Calling toCalling(WindowInfo window, LocalDate today, Instant now) {
        if (!live.guardedWrites()) {
            WindowRow state = idle(window);
            guard(window, state, "CALLING", now, "", Map.of());
            return new Calling(state, candidates(window, today, true));
        }
        List<WindowRow> locked = new ArrayList<>(1);
        List<Waiting> waiting = new ArrayList<>();
        jdbc.sql(TO_CALLING.sql())
                .params(TO_CALLING.args(Map.of("w", window.id(), "c", window.centreId(), "d", today, "own", true)))
                .query(rs -> {
                    if (locked.isEmpty()) {
                        locked.add(WindowRow.map(rs, 0));
                    }
                    rs.getLong("t_id");
                    if (!rs.wasNull()) {
                        waiting.add(Waiting.map(rs, Waiting.PREFIXED));
                    }
                });
        if (locked.isEmpty()) {
            idle(window); // says why: not signed in, paused, busy
            throw DomainException.conflict("queue.window.changed", window.number());
        }
        return new Calling(locked.getFirst(), waiting);
    }

    /**
     * The idle window's row locked until the commit (the guard that one window calls one ticket at a time: a second call
     * of the window waits, then finds it no longer idle) and the tickets waiting for its own line, in one statement
     * (PostgreSQL). The row changes with the claim ({@link #claimAndCall}), or not at all when nobody waits.
     */
    private static final PositionalSql TO_CALLING = PositionalSql.of("""
            with w as (
                select * from q_window_state
                where window_id = :w and status = 'IDLE' and current_ticket_id is null and staff_id is not null
                for update)
            select w.*, t.id as t_id, t.priority_class as t_priority_class, t.queued_at as t_queued_at,
                t.rank_at as t_rank_at, t.number as t_number, t.service_id as t_service_id,
                t.applicant_name as t_applicant_name
            from w left join (""" + QueueDeskService.CANDIDATES + ") t on true");

    /**
     * The tickets a window may call: those waiting for its services (its own line, or with {@code :own} false those it
     * is also qualified for) that no window was named for, and — with its own line — those transferred to it by name.
     * Each part seeks its index: {@code q_ticket_service_ix (service_id, business_date, status, …)} per service, and
     * {@code q_ticket_target_ix (target_window_id, business_date)} (V774) for the tickets transferred to the window.
     */
    private static final String CANDIDATES = """
            select t.id, t.priority_class, t.queued_at, t.rank_at, t.number, t.service_id, t.applicant_name
            from q_window_service ws
            join q_ticket t on t.service_id = ws.service_id and t.business_date = :d and t.status = 'WAITING'
                and t.target_window_id is null
            where ws.window_id = :w and ws.own_line = :own
            union all
            select t.id, t.priority_class, t.queued_at, t.rank_at, t.number, t.service_id, t.applicant_name
            from q_ticket t
            where t.target_window_id = :w and t.business_date = :d and t.status = 'WAITING' and t.centre_id = :c
              and :own = true""";

    private List<Waiting> candidates(WindowInfo window, LocalDate today, boolean ownLine) {
        return jdbc.sql(CANDIDATES)
                .param("c", window.centreId()).param("d", today).param("w", window.id()).param("own", ownLine)
                .query((rs, n) -> Waiting.map(rs, Waiting.PLAIN))
                .list();
    }

    private static List<PriorityRule.Candidate> candidatesOf(List<Waiting> waiting) {
        List<PriorityRule.Candidate> out = new ArrayList<>(waiting.size());
        for (Waiting w : waiting) {
            out.add(w.candidate());
        }
        return out;
    }

    /** H2: the first ticket in calling order that this window can claim, claimed. */
    private Optional<TicketRow> claimFirst(WindowInfo window, WindowRow state, List<Waiting> waiting, Instant now) {
        for (PriorityRule.Candidate c : priority.callOrder(candidatesOf(waiting), state.priorityStreak(), now)) {
            if (claim(window, state, c.id(), now)) {
                return Optional.of(row(c.id()));
            }
        }
        return Optional.empty();
    }

    /**
     * PostgreSQL: the call of the first ticket in calling order that this window can claim, each attempt one round trip
     * ({@link LiveEvents#appendIf}): the claim ({@link #CLAIM}, passing over a row another call holds, and only while the
     * ticket is still of the service it was read with) and, only if it claimed, the window moved to CALLING with the
     * ticket, the history row and the {@code ticket.called} event (made from what was read with the candidates).
     */
    private Optional<TicketView> claimAndCall(WindowInfo window, WindowRow state, List<Waiting> waiting, Instant now,
            String actor) {
        Map<Long, Waiting> byId = new HashMap<>();
        for (Waiting w : waiting) {
            byId.put(w.candidate().id(), w);
        }
        for (PriorityRule.Candidate c : priority.callOrder(candidatesOf(waiting), state.priorityStreak(), now)) {
            Waiting w = byId.get(c.id());
            int streak = PriorityRule.nextStreak(state.priorityStreak(), c.priority());
            WindowRow after = state.moved(WindowStatus.CALLING, c.id(), now).withStreak(streak);
            String serviceName = dir.service(w.serviceId()).map(QueueServices.ServiceView::name).orElse("");
            LiveEvents.Draft event = withState(called(window, c.id(), w.number(), w.serviceId(), serviceName,
                    w.applicantName(), false), window, after);
            Map<String, Object> p = new HashMap<>(historyRow(window.centreId(), c.id(), "CALL", window.id(),
                    state.staffId(), actor, null, now).params());
            p.put("w", window.id());
            p.put("s", new SqlParameterValue(Types.BIGINT, state.staffId()));
            p.put("now", Timestamp.from(now));
            p.put("id", c.id());
            p.put("svc", w.serviceId());
            p.put("streak", streak);
            Optional<TicketRow> claimed = live.appendIf(window.centreId(), new LiveEvents.Write(CLAIM_IF, p),
                    CLAIMED, TicketRow::map, List.of(event), List.of(new LiveEvents.Write(CALLING_WITH, p),
                            new LiveEvents.Write(CALL_HISTORY, p)));
            if (claimed.isPresent()) {
                return Optional.of(afterCalled(window, state, after, claimed.get(), now));
            }
        }
        return Optional.empty();
    }

    /** {@link #CLAIM} while the ticket is still of the service it was read with, returning the claimed row. */
    private static final String CLAIM_IF = QueueDeskService.CLAIM + " and service_id = :svc" + QueueDeskService.SKIP_LOCKED
            + " returning *";
    private static final String CALLING_WITH = """
            update q_window_state ws set status = 'CALLING', current_ticket_id = g.id, priority_streak = :streak,
                since = :now, version = ws.version + 1
            from g where ws.window_id = :w""";
    private static final String CALL_HISTORY = """
            insert into q_ticket_history (centre_id, ticket_id, action, window_id, staff_id, actor, note, happened_at)
            select :h_c, g.id, :h_a, :h_w, :h_s, :h_actor, :h_note, :h_at from g""";
    private static final String CLAIMED = """
            select g.*, s.code as service_code, s.name as service_name from g join q_service s on s.id = g.service_id""";

    /**
     * The one statement that decides who calls a ticket: only a WAITING row changes, in one transaction. On PostgreSQL a
     * ticket whose row another call holds right now is passed over at once ({@code skip locked}) instead of waited for:
     * that call takes it (or, if it rolls back, the ticket stays WAITING for the next call), so windows calling at the
     * same moment spread over the first tickets instead of queueing behind one row. The guarantee is the same: the row
     * changes from WAITING once.
     */
    private boolean claim(WindowInfo window, WindowRow state, long ticketId, Instant now) {
        return jdbc.sql(postgres() ? CLAIM + SKIP_LOCKED : CLAIM)
                .param("w", window.id()).param("s", state.staffId(), Types.BIGINT).param("now", Timestamp.from(now))
                .param("id", ticketId).update() == 1;
    }

    private static final String CLAIM = """
            update q_ticket set status = 'CALLED', window_id = :w, staff_id = :s, called_at = :now, version = version + 1
            where id = :id and status = 'WAITING'""";
    private static final String SKIP_LOCKED =
            " and id in (select x.id from q_ticket x where x.id = :id and x.status = 'WAITING' for update skip locked)";

    private volatile @Nullable Boolean postgres;

    private boolean postgres() {
        Boolean p = postgres;
        if (p == null) {
            p = Boolean.TRUE.equals(jdbc.sql("select 1").query((rs, n) -> {
                String product = rs.getStatement().getConnection().getMetaData().getDatabaseProductName();
                return product != null && product.toLowerCase(java.util.Locale.ROOT).contains("postgres");
            }).single());
            postgres = p;
        }
        return p;
    }

    /** {@code t}: the ticket as read after the claim (CALLED by this window). */
    private TicketView afterCall(WindowInfo window, WindowRow state, TicketRow t, Instant now, String actor) {
        int streak = PriorityRule.nextStreak(state.priorityStreak(), t.priority());
        Map<String, Object> p = new HashMap<>();
        p.put("t", t.id());
        p.put("streak", streak);
        p.put("now", Timestamp.from(now));
        p.put("w", window.id());
        // the window's row is locked by this transaction since its move to CALLING: sent with the history and events
        Checked holds = new Checked(new LiveEvents.Write("""
                update q_window_state set current_ticket_id = :t, priority_streak = :streak, since = :now
                where window_id = :w""", p), null);
        WindowRow after = state.moved(WindowStatus.CALLING, t.id(), now).withStreak(streak);
        historyAndEvents(t.centreId(), t.id(), "CALL", window.id(), state.staffId(), actor, null, now,
                List.of(withState(called(window, t, false), window, after)), List.of(holds));
        return afterCalled(window, state, after, t, now);
    }

    /** What follows a call once written: the window's new state remembered for its next command, the call told. */
    private TicketView afterCalled(WindowInfo window, WindowRow state, WindowRow after, TicketRow t, Instant now) {
        rememberAfterCommit(after, t);
        publisher.publishEvent(new TicketCalled(t.centreId(), t.id(), t.number(), t.serviceId(), window.id(),
                Objects.requireNonNull(state.staffId()), t.queuedAt(), now));
        return view(t, window);
    }

    private void appendCalled(WindowInfo window, TicketRow t, boolean recall) {
        live.appendAll(t.centreId(), List.of(called(window, t, recall)));
    }

    private LiveEvents.Draft called(WindowInfo window, TicketRow t, boolean recall) {
        return called(window, t.id(), t.number(), t.serviceId(), t.serviceName(), t.applicantName(), recall);
    }

    /** The {@code ticket.called} event (see {@link LiveEvent}): the ticket, its service, the masked name, the words. */
    private static LiveEvents.Draft called(WindowInfo window, long ticketId, String number, long serviceId,
            String serviceName, @Nullable String applicantName, boolean recall) {
        Map<String, Object> data = ticketData(ticketId, number, serviceId, window);
        data.put("service", serviceName);
        String masked = Masking.name(applicantName);
        if (masked != null && !masked.isBlank()) {
            data.put("name", masked);
        }
        data.put("recall", recall);
        data.put("announcement", Announcements.text(number, window.number()));
        data.put("speech", Announcements.speech(number, window.number()));
        return new LiveEvents.Draft("ticket.called", window.id(), data);
    }

    @Override
    public TicketView recall(long windowId, String actor) {
        return write(() -> {
            WindowInfo window = windowInfo(windowId);
            lastHeld.remove(windowId); // read afresh below, remembered again with the recalled ticket
            WindowRow state = withTicket(window, WindowStatus.CALLING);
            TicketRow t = row(Objects.requireNonNull(state.currentTicketId()));
            Instant now = now();
            updateTicket(t, "recall_count = recall_count + 1", Map.of());
            history(t.centreId(), t.id(), "RECALL", window.id(), state.staffId(), actor, null, now);
            TicketRow after = t.recalled();
            appendCalled(window, after, true);
            rememberAfterCommit(state, after);
            return view(after, window);
        });
    }

    @Override
    public TicketView start(long windowId, String actor) {
        return write(lastHeld -> leaveCalling(windowId, actor, TicketStatus.SERVING, lastHeld), true);
    }

    @Override
    public TicketView skip(long windowId, String actor) {
        return write(lastHeld -> leaveCalling(windowId, actor, TicketStatus.SKIPPED, lastHeld), true);
    }

    /**
     * The called ticket leaves CALLING: the applicant came to the counter (SERVING, the window serves) or did
     * not come (SKIPPED 过号, the window is idle again). Either way the walking time goes to the window's session, the
     * window moves by its version, and the change is recorded in the history and told to the displays.
     */
    private TicketView leaveCalling(long windowId, String actor, TicketStatus to, boolean mayUseLastHeld) {
        WindowInfo window = windowInfo(windowId);
        Held held = held(window, WindowStatus.CALLING, mayUseLastHeld);
        WindowRow state = held.state();
        TicketRow t = held.ticket();
        Instant now = now();
        boolean serving = to == TicketStatus.SERVING;
        WindowStatus next = serving ? WindowStatus.SERVING : WindowStatus.IDLE;
        WindowRow after = state.moved(next, serving ? t.id() : null, now);
        // read once (window and ticket) or not at all (remembered), written once (the ticket, the session, the window,
        // history and events)
        try {
            historyAndEvents(t.centreId(), t.id(), serving ? "START" : "SKIP", window.id(), state.staffId(), actor, null,
                    now, List.of(withState(
                    new LiveEvents.Draft(serving ? "ticket.serving" : "ticket.skipped", window.id(), ticketData(t, window)),
                    window, after)),
                    Arrays.asList(
                            serving ? ticketWrite(t, "status = 'SERVING', serving_at = :now", Map.of("now", Timestamp.from(now)))
                                    : ticketWrite(t, "status = 'SKIPPED', skipped_at = :now, skip_count = skip_count + 1",
                                            Map.of("now", Timestamp.from(now))),
                            sessionWrite(state.sessionId(), "walking_seconds", t.calledAt(), now),
                            guardWrite(window, state, next.name(), now, "", Map.of())));
        } catch (DomainException e) {
            throw refusal(held, e);
        }
        if (serving) {
            TicketRow started = t.serving(now);
            rememberAfterCommit(after, started);
            return view(started, window);
        }
        return view(t.skipped(now), window);
    }

    @Override
    public TicketView comeBack(long ticketId, String actor) {
        return write(() -> {
            TicketRow t = ticketRow(ticketId).orElseThrow(() -> DomainException.notFound("queue.ticket.notFound"));
            Instant now = clock.instant();
            if (t.status() != TicketStatus.SKIPPED) {
                throw DomainException.conflict("queue.ticket.notSkipped", t.number());
            }
            if (t.returnCount() >= rules.skipReturnsAllowed()) {
                throw DomainException.conflict("queue.ticket.noMoreReturns", t.number());
            }
            if (t.skippedAt() == null || now.isAfter(t.skippedAt().plus(rules.skipReturn()))
                    || !t.businessDate().equals(today(t.centreId(), now))) {
                throw DomainException.conflict("queue.ticket.returnExpired", t.number(), rules.skipReturn().toMinutes());
            }
            // placed after skipReturnPosition waiting tickets of its service (in rank order)
            List<PriorityRule.Candidate> waiting = priority.order(jdbc.sql("""
                    select id, priority_class, queued_at, rank_at from q_ticket
                    where service_id = :s and business_date = :d and status = 'WAITING'""")
                    .param("s", t.serviceId()).param("d", t.businessDate())
                    .query((rs, n) -> new PriorityRule.Candidate(rs.getLong(1), PriorityClass.valueOf(rs.getString(2)),
                            rs.getTimestamp(3).toInstant(), rs.getTimestamp(4).toInstant()))
                    .list());
            int position = Math.max(0, rules.skipReturnPosition());
            Instant effective;
            if (waiting.isEmpty()) {
                effective = now;
            } else if (position == 0) {
                effective = priority.effective(waiting.getFirst()).minusMillis(1);
            } else if (waiting.size() >= position) {
                effective = priority.effective(waiting.get(position - 1)).plusMillis(1);
            } else {
                effective = priority.effective(waiting.getLast()).plusMillis(1);
            }
            Instant rankAt = priority.rankAtFor(t.priority(), effective);
            updateTicket(t, """
                    status = 'WAITING', window_id = null, staff_id = null, called_at = null, rank_at = :rank,
                    return_count = return_count + 1""", Map.of("rank", Timestamp.from(rankAt)));
            history(t.centreId(), t.id(), "RETURN", null, null, actor, null, now);
            live.append(t.centreId(), "ticket.returned", null, ticketData(t, null));
            return view(row(t.id()));
        });
    }

    @Override
    public TicketView transfer(long windowId, long toServiceId, @Nullable Long toWindowId, String note, String actor) {
        return write(() -> {
            WindowInfo window = windowInfo(windowId);
            lastHeld.remove(windowId); // the window will hold nothing
            WindowRow state = withTicket(window, null);
            QueueServices.ServiceView to = serviceOf(window.centreId(), toServiceId);
            if (!to.active()) {
                throw DomainException.invalid("toServiceId", "queue.service.inactive", to.name());
            }
            if (toWindowId != null) {
                WindowInfo target = org.window(toWindowId).filter(WindowInfo::active)
                        .orElseThrow(() -> DomainException.invalid("toWindowId", "queue.transfer.window.invalid"));
                if (target.centreId() != window.centreId() || target.id() == windowId) {
                    throw DomainException.invalid("toWindowId", "queue.transfer.window.invalid");
                }
            }
            String text = note == null ? "" : note.strip();
            if (text.isEmpty() || text.length() > 300) {
                throw DomainException.invalid("note", "queue.transfer.note.invalid", 300);
            }
            TicketRow t = row(Objects.requireNonNull(state.currentTicketId()));
            Instant now = clock.instant();
            accountTicketTime(state, t, now);
            // Q-2 转窗: the original queue time (queued_at, rank_at) is kept
            Map<String, Object> p = new HashMap<>();
            p.put("svc", toServiceId);
            p.put("target", toWindowId == null ? new org.springframework.jdbc.core.SqlParameterValue(Types.BIGINT, null) : toWindowId);
            p.put("note", text);
            updateTicket(t, """
                    status = 'WAITING', service_id = :svc, target_window_id = :target, transfer_note = :note,
                    transfer_count = transfer_count + 1, window_id = null, staff_id = null, called_at = null,
                    serving_at = null""", p);
            guard(window, state, "IDLE", now, "", Map.of());
            history(t.centreId(), t.id(), "TRANSFER", window.id(), state.staffId(), actor, text, now);
            TicketRow after = row(t.id());
            Map<String, Object> data = ticketData(after, window);
            data.put("fromServiceId", t.serviceId());
            data.put("service", after.serviceName());
            if (toWindowId != null) {
                data.put("toWindowId", toWindowId);
            }
            live.append(t.centreId(), "ticket.transferred", window.id(), data);
            appendWindowState(window, stateRow(windowId).orElseThrow());
            return view(after);
        });
    }

    @Override
    public TicketView finish(long windowId, @Nullable String caseNumber, String actor) {
        return write(mayUseLastHeld -> {
            WindowInfo window = windowInfo(windowId);
            Held held = held(window, null, mayUseLastHeld);
            WindowRow state = held.state();
            String cn = caseNumber == null || caseNumber.isBlank() ? null : caseNumber.strip();
            if (cn != null && !CASE_NUMBER.matcher(cn).matches()) {
                throw DomainException.invalid("caseNumber", "queue.finish.caseNumber.invalid");
            }
            TicketRow t = held.ticket();
            Instant now = now();
            Instant servingAt = t.servingAt() != null ? t.servingAt() : now;
            boolean chained = !t.nextServiceIds().isEmpty();
            @Nullable Checked account = accountWrite(state, t, now);
            List<@Nullable Checked> writes = List.of();
            Map<String, Object> p = new HashMap<>();
            p.put("now", Timestamp.from(now));
            p.put("serving", Timestamp.from(servingAt));
            p.put("cn", cn == null ? new org.springframework.jdbc.core.SqlParameterValue(Types.VARCHAR, null) : cn);
            TicketRow after;
            try {
                if (chained) {
                    // Q-2 多窗联办: on to the next service without queueing again (the original queue time is kept)
                    List<Long> rest = t.nextServiceIds().subList(1, t.nextServiceIds().size());
                    p.put("next", t.nextServiceIds().getFirst());
                    p.put("rest", rest.isEmpty() ? new org.springframework.jdbc.core.SqlParameterValue(Types.VARCHAR, null)
                            : Objects.requireNonNull(TicketRow.csv(rest)));
                    // the ticket is read back below: its writes go at once
                    run(account);
                    updateTicket(t, """
                            status = 'WAITING', service_id = :next, next_service_ids = :rest, window_id = null, staff_id = null,
                            called_at = null, serving_at = null, target_window_id = null,
                            case_number = coalesce(:cn, case_number)""", p);
                    guard(window, state, "IDLE", now, "", Map.of());
                } else {
                    writes = Arrays.asList(account, ticketWrite(t, """
                            status = 'DONE', serving_at = :serving, finished_at = :now, case_number = coalesce(:cn, case_number)""", p),
                            guardWrite(window, state, "IDLE", now, "", Map.of()));
                }
                after = chained ? row(t.id()) : t.done(servingAt, now, cn);
                Map<String, Object> data = ticketData(t, window);
                if (chained) {
                    data.put("nextServiceId", after.serviceId());
                }
                // a ticket served to its end asks the window's rating pad for the applicant's rating
                data.put("rating", !chained);
                List<LiveEvents.Draft> events = List.of(withState(new LiveEvents.Draft("ticket.finished", window.id(), data),
                        window, state.moved(WindowStatus.IDLE, null, now)));
                historyAndEvents(t.centreId(), t.id(), chained ? "FINISH_STEP" : "FINISH", window.id(), state.staffId(),
                        actor, cn, now, events, writes);
            } catch (DomainException e) {
                throw refusal(held, e);
            }
            publisher.publishEvent(new ServiceFinished(t.centreId(), t.id(), t.number(), t.serviceId(), window.id(),
                    Objects.requireNonNull(state.staffId()), t.queuedAt(),
                    t.calledAt() != null ? t.calledAt() : servingAt, servingAt, now));
            return view(after, window);
        }, true);
    }

    @Override
    public WindowView pause(long windowId, String reason, @Nullable String note, Instant until, String actor) {
        return write(() -> {
            WindowInfo window = windowInfo(windowId);
            if (reason == null || !rules.pauseReasons().contains(reason.strip())) {
                throw DomainException.invalid("reason", "queue.pause.reason.invalid", String.join("、", rules.pauseReasons()));
            }
            String text = note == null || note.isBlank() ? null : note.strip();
            if (text != null && text.length() > 200) {
                throw DomainException.invalid("note", "queue.pause.note.tooLong", 200);
            }
            Instant now = clock.instant();
            if (until == null || !until.isAfter(now) || until.isAfter(now.plus(rules.maxPause()))) {
                throw DomainException.invalid("until", "queue.pause.until.invalid", rules.maxPause().toMinutes());
            }
            WindowRow state = idle(window);
            Map<String, Object> p = new HashMap<>();
            p.put("reason", reason.strip());
            p.put("note", text == null ? new org.springframework.jdbc.core.SqlParameterValue(Types.VARCHAR, null) : text);
            p.put("until", Timestamp.from(until));
            guard(window, state, "PAUSED", now, "pause_reason = :reason, pause_note = :note, pause_until = :until,", p);
            WindowRow after = stateRow(windowId).orElseThrow();
            appendWindowState(window, after);
            publisher.publishEvent(new WindowPresenceChanged(window.centreId(), windowId, window.number(), Objects.requireNonNull(state.staffId()), WindowPresence.PAUSED, reason.strip(), until, now));
            return viewOf(window, after);
        });
    }

    @Override
    public WindowView resume(long windowId, String actor) {
        return write(() -> {
            WindowInfo window = windowInfo(windowId);
            WindowRow state = signedIn(window);
            if (state.status() != WindowStatus.PAUSED) {
                throw DomainException.conflict("queue.window.notPaused", window.number());
            }
            Instant now = clock.instant();
            addSession(state.sessionId(), "paused_seconds", state.since(), now);
            guard(window, state, "IDLE", now, "pause_reason = null, pause_note = null, pause_until = null,", Map.of());
            WindowRow after = stateRow(windowId).orElseThrow();
            appendWindowState(window, after);
            publisher.publishEvent(new WindowPresenceChanged(window.centreId(), windowId, window.number(), Objects.requireNonNull(state.staffId()), WindowPresence.RESUMED, null, null, now));
            return viewOf(window, after);
        });
    }

    @Override
    public Optional<WindowView> window(long windowId) {
        return read(() -> org.window(windowId).map(w -> viewOf(w, stateRow(windowId).orElse(null))));
    }

    @Override
    public List<WindowView> windows(long centreId) {
        return read(() -> {
            Map<Long, WindowRow> states = new HashMap<>();
            jdbc.sql("select * from q_window_state where centre_id = :c").param("c", centreId).query(WindowRow::map).list()
                    .forEach(s -> states.put(s.windowId(), s));
            List<WindowView> views = new ArrayList<>();
            for (WindowInfo w : org.windows(centreId)) {
                views.add(viewOf(w, states.get(w.id())));
            }
            return views;
        });
    }

    @Override
    public int closeDay(long centreId, String actor) {
        return write(() -> {
            CentreInfo centre = org.centre(centreId).orElseThrow(() -> DomainException.notFound("queue.centre.notFound"));
            return doCloseDay(centre, actor);
        });
    }

    /**
     * Waiting tickets of earlier days are CANCELLED (the hall closed before their call); skipped tickets of earlier days,
     * and today's whose time to come back is over, are NO_SHOW. Each ticket by its own conditional update: running it
     * on two nodes at once closes every ticket once.
     */
    private int doCloseDay(CentreInfo centre, String actor) {
        Instant now = clock.instant();
        LocalDate today = today(centre.id(), now);
        Instant skipLimit = now.minus(rules.skipReturn());
        List<TicketRow> open = jdbc.sql(TicketRow.SELECT + " " + """
                where t.service_id in (select id from q_service where centre_id = :c)
                  and ((t.business_date < :d and t.status in ('WAITING', 'SKIPPED'))
                   or (t.status = 'SKIPPED' and t.skipped_at < :limit))""")
                .param("c", centre.id()).param("d", today).param("limit", Timestamp.from(skipLimit))
                .query(TicketRow::map).list();
        int closed = 0;
        for (TicketRow t : open) {
            String to = t.status() == TicketStatus.WAITING ? "CANCELLED" : "NO_SHOW";
            int rows = jdbc.sql("""
                    update q_ticket set status = :to, finished_at = :now, version = version + 1
                    where id = :id and status = :from""")
                    .param("to", to).param("now", Timestamp.from(now)).param("id", t.id()).param("from", t.status().name())
                    .update();
            if (rows == 1) {
                history(t.centreId(), t.id(), "CLOSE_DAY", null, null, actor, to, now);
                closed++;
            }
        }
        if (closed > 0) {
            log.info("Queue of centre {}: {} tickets of earlier days or past their return time closed", centre.code(), closed);
        }
        return closed;
    }

    // =============================================================================================================
    // helpers
    // =============================================================================================================

    private WindowInfo windowInfo(long windowId) {
        return dir.window(windowId).filter(WindowInfo::active)
                .orElseThrow(() -> DomainException.notFound("queue.window.notFound"));
    }

    private QueueServices.ServiceView serviceOf(long centreId, long serviceId) {
        return dir.service(serviceId).filter(s -> s.centreId() == centreId)
                .orElseThrow(() -> DomainException.notFound("queue.service.notFound"));
    }

    private LocalDate today(long centreId, Instant now) {
        return now.atZone(dir.zone(centreId)).toLocalDate();
    }

    /** The time now as the database keeps it (microseconds), so that a row built in memory equals the row read back. */
    private Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    private Optional<WindowRow> stateRow(long windowId) {
        return jdbc.sql("select * from q_window_state where window_id = :w").param("w", windowId).query(WindowRow::map)
                .optional();
    }

    /** The window's state row, made (SIGNED_OUT) if the window never signed in. */
    private WindowRow ensureState(WindowInfo window) {
        Optional<WindowRow> state = stateRow(window.id());
        if (state.isPresent()) {
            return state.get();
        }
        // in the caller's transaction: another sign-in at the same moment inserts the same row, this one then does nothing
        jdbc.sql("""
                insert into q_window_state (window_id, centre_id, status, since) values (:w, :c, 'SIGNED_OUT', :now)
                on conflict do nothing""")
                .param("w", window.id()).param("c", window.centreId()).param("now", Timestamp.from(clock.instant()))
                .update();
        return stateRow(window.id()).orElseThrow();
    }

    private WindowRow signedIn(WindowInfo window) {
        WindowRow state = stateRow(window.id()).orElse(null);
        if (state == null || !state.signedIn()) {
            throw DomainException.conflict("queue.window.notSignedIn", window.number());
        }
        return state;
    }

    /** Signed in, not paused, no ticket called or in service. */
    private WindowRow idle(WindowInfo window) {
        WindowRow state = signedIn(window);
        if (state.status() == WindowStatus.PAUSED) {
            throw DomainException.conflict("queue.window.paused", window.number());
        }
        if (state.status() != WindowStatus.IDLE || state.currentTicketId() != null) {
            throw DomainException.conflict("queue.window.busy", window.number());
        }
        return state;
    }

    /** A window's state row and the ticket it holds. */
    private record Held(WindowRow state, TicketRow ticket, boolean cached) {
    }

    /**
     * What each window held after this node's last call or start on it, as written (versions included), kept once
     * committed: the next start, skip or finish on the window starts from it instead of reading the window and its
     * ticket again. Whatever changed the window or the ticket since (another node, another command) changed their
     * versions, so the command's conditional writes change no row; the command is then run again from a fresh read
     * ({@link StaleHeld}). Taken out when used, so an entry serves one command.
     */
    private final Map<Long, Held> lastHeld = new ConcurrentHashMap<>();

    private void rememberAfterCommit(WindowRow state, TicketRow ticket) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        Held h = new Held(state, ticket, true);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                lastHeld.put(state.windowId(), h);
            }
        });
    }

    /**
     * The window's state and the ticket it holds: as remembered from this node's last command on the window if
     * {@code mayUseLastHeld} and that state passes the checks, else read ({@link #held(WindowInfo, WindowStatus)}).
     */
    private Held held(WindowInfo window, @Nullable WindowStatus status, boolean mayUseLastHeld) {
        Held last = lastHeld.remove(window.id());
        if (mayUseLastHeld && last != null && last.state().signedIn() && holds(last.state(), status)
                && Objects.equals(last.state().currentTicketId(), last.ticket().id())) {
            return last;
        }
        return held(window, status);
    }

    /**
     * A refusal of a command's writes: as it is, or {@link StaleHeld} (run again from a read) if the command started
     * from a remembered state, which the writes found changed.
     */
    private static RuntimeException refusal(Held held, DomainException e) {
        return held.cached() && e.kind() == DomainException.Kind.CONFLICT ? new StaleHeld() : e;
    }

    /**
     * As {@link #withTicket}, with the ticket the window holds read in the same statement (one round trip): the
     * window's columns prefixed {@code s_}, the ticket's as {@link TicketRow#map} reads them.
     */
    private Held held(WindowInfo window, @Nullable WindowStatus status) {
        record Read(WindowRow state, @Nullable TicketRow ticket) {
        }
        Read read = jdbc.sql("""
                select s.window_id as s_window_id, s.centre_id as s_centre_id, s.status as s_status,
                    s.staff_id as s_staff_id, s.session_id as s_session_id, s.current_ticket_id as s_current_ticket_id,
                    s.pause_reason as s_pause_reason, s.pause_note as s_pause_note, s.pause_until as s_pause_until,
                    s.priority_streak as s_priority_streak, s.since as s_since, s.version as s_version,
                    t.*, sv.code as service_code, sv.name as service_name
                from q_window_state s
                left join q_ticket t on t.id = s.current_ticket_id
                left join q_service sv on sv.id = t.service_id
                where s.window_id = :w""")
                .param("w", window.id())
                .query((rs, n) -> new Read(WindowRow.map(rs, "s_"), rs.getObject("id") == null ? null : TicketRow.map(rs, n)))
                .optional().orElse(null);
        if (read == null || !read.state().signedIn()) {
            throw DomainException.conflict("queue.window.notSignedIn", window.number());
        }
        check(window, read.state(), status);
        if (read.ticket() == null) {
            throw new IllegalStateException("window " + window.id() + " holds ticket " + read.state().currentTicketId()
                    + ", which is not there");
        }
        return new Held(read.state(), read.ticket(), false);
    }

    /** Has a ticket in {@code status} (CALLING / SERVING; null: either). */
    private WindowRow withTicket(WindowInfo window, @Nullable WindowStatus status) {
        WindowRow state = signedIn(window);
        check(window, state, status);
        return state;
    }

    /** The window holds a ticket, CALLING if {@code status} says so, else CALLING or SERVING. */
    private static void check(WindowInfo window, WindowRow state, @Nullable WindowStatus status) {
        if (!holds(state, status)) {
            throw DomainException.conflict(status == WindowStatus.CALLING ? "queue.window.nothingCalled"
                    : "queue.ticket.notServing", window.number());
        }
    }

    /** Whether the window holds a ticket, CALLING if {@code status} says so, else CALLING or SERVING. */
    private static boolean holds(WindowRow state, @Nullable WindowStatus status) {
        return state.currentTicketId() != null && (status == null ? state.status() == WindowStatus.CALLING
                || state.status() == WindowStatus.SERVING : state.status() == status);
    }

    /**
     * Moves the window to {@code status} if nobody changed it since {@code state} was read (its version): the guard
     * that one window holds one ticket, whichever thread or node calls. 409 when it changed meanwhile.
     */
    private void guard(WindowInfo window, WindowRow state, String status, Instant now, String extraSet,
            Map<String, Object> extra) {
        run(guardWrite(window, state, status, now, extraSet, extra));
    }

    /** {@link #guard} as a write to send with the command's events. */
    private Checked guardWrite(WindowInfo window, WindowRow state, String status, Instant now, String extraSet,
            Map<String, Object> extra) {
        Map<String, Object> p = new HashMap<>(extra);
        p.put("status", status);
        p.put("now", Timestamp.from(now));
        p.put("w", window.id());
        p.put("v", state.version());
        p.put("current", state.status().name());
        // CALLING: afterCall sets the ticket; SERVING keeps it; every other state holds none
        String keepTicket = "CALLING".equals(status) || "SERVING".equals(status) ? "" : "current_ticket_id = null,";
        return new Checked(new LiveEvents.Write("update q_window_state set status = :status, " + keepTicket + extraSet
                + " since = :now, version = version + 1 where window_id = :w and version = :v and status = :current", p),
                () -> DomainException.conflict("queue.window.changed", window.number()));
    }

    private void updateTicket(TicketRow t, String set, Map<String, Object> params) {
        run(ticketWrite(t, set, params));
    }

    /** {@link #updateTicket} as a write to send with the command's events. */
    private Checked ticketWrite(TicketRow t, String set, Map<String, Object> params) {
        Map<String, Object> p = new HashMap<>(params);
        p.put("id", t.id());
        p.put("v", t.version());
        return new Checked(new LiveEvents.Write(
                "update q_ticket set " + set + ", version = version + 1 where id = :id and version = :v", p),
                () -> DomainException.conflict("queue.ticket.changed", t.number()));
    }

    /** Adds the walking (called, not yet at the counter) or serving time of the window's ticket to its session. */
    private void accountTicketTime(WindowRow state, TicketRow t, Instant now) {
        run(accountWrite(state, t, now));
    }

    private @Nullable Checked accountWrite(WindowRow state, TicketRow t, Instant now) {
        if (t.status() == TicketStatus.SERVING && t.servingAt() != null) {
            return sessionWrite(state.sessionId(), "serving_seconds", t.servingAt(), now);
        } else if (t.status() == TicketStatus.CALLED && t.calledAt() != null) {
            return sessionWrite(state.sessionId(), "walking_seconds", t.calledAt(), now);
        }
        return null;
    }

    private void addSession(@Nullable Long sessionId, String column, @Nullable Instant from, Instant to) {
        run(sessionWrite(sessionId, column, from, to));
    }

    /** The seconds from {@code from} to {@code to} added to a column of the session; null if there are none. */
    private @Nullable Checked sessionWrite(@Nullable Long sessionId, String column, @Nullable Instant from, Instant to) {
        if (sessionId == null || from == null || !to.isAfter(from)) {
            return null;
        }
        Map<String, Object> p = new HashMap<>();
        p.put("s", Duration.between(from, to).toSeconds());
        p.put("id", sessionId);
        return new Checked(new LiveEvents.Write("update q_session set " + column + " = " + column + " + :s where id = :id",
                p), null);
    }

    /**
     * A write of a command and, for a conditional one, the refusal when it changed no row. A command either runs it at
     * once ({@link #run}) or sends it with its history row and events ({@link #historyAndEvents(long, long, String,
     * Long, Long, String, String, Instant, List, List)}): one round trip on PostgreSQL.
     */
    private record Checked(LiveEvents.Write write, @Nullable Supplier<DomainException> refused) {
    }

    private void run(@Nullable Checked c) {
        if (c == null) {
            return;
        }
        int rows = jdbc.sql(c.write().sql()).params(c.write().params()).update();
        if (rows != 1 && c.refused() != null) {
            throw c.refused().get();
        }
    }

    private void history(long centreId, long ticketId, String action, @Nullable Long windowId, @Nullable Long staffId,
            String actor, @Nullable String note, Instant at) {
        LiveEvents.Write h = historyRow(centreId, ticketId, action, windowId, staffId, actor, note, at);
        jdbc.sql(h.sql()).params(h.params()).update();
    }

    /** The history row and the live events of a command, its last writes, in one round trip (PostgreSQL). */
    private void historyAndEvents(long centreId, long ticketId, String action, @Nullable Long windowId,
            @Nullable Long staffId, String actor, @Nullable String note, Instant at, List<LiveEvents.Draft> events) {
        historyAndEvents(centreId, ticketId, action, windowId, staffId, actor, note, at, events, List.of());
    }

    /**
     * The command's writes (in this order; nulls skipped), its history row and live events, its last writes, in one
     * round trip on PostgreSQL; a conditional write that changed no row throws its refusal afterwards (the transaction
     * rolls back, as if it had been refused at once).
     */
    private void historyAndEvents(long centreId, long ticketId, String action, @Nullable Long windowId,
            @Nullable Long staffId, String actor, @Nullable String note, Instant at, List<LiveEvents.Draft> events,
            List<@Nullable Checked> writes) {
        List<Checked> sent = new ArrayList<>(writes.size());
        List<LiveEvents.Write> all = new ArrayList<>(writes.size() + 1);
        for (Checked c : writes) {
            if (c != null) {
                sent.add(c);
                all.add(c.write());
            }
        }
        all.add(historyRow(centreId, ticketId, action, windowId, staffId, actor, note, at));
        LiveEvents.Appended appended = live.appendAll(centreId, events, all);
        for (int i = 0; i < sent.size(); i++) {
            Supplier<DomainException> refused = sent.get(i).refused();
            if (refused != null && appended.rows()[i] != 1) {
                throw refused.get();
            }
        }
    }

    private static LiveEvents.Write historyRow(long centreId, long ticketId, String action, @Nullable Long windowId,
            @Nullable Long staffId, String actor, @Nullable String note, Instant at) {
        Map<String, Object> p = new HashMap<>();
        p.put("h_c", centreId);
        p.put("h_t", ticketId);
        p.put("h_a", action);
        p.put("h_w", new SqlParameterValue(Types.BIGINT, windowId));
        p.put("h_s", new SqlParameterValue(Types.BIGINT, staffId));
        p.put("h_actor", actor.length() > 64 ? actor.substring(0, 64) : actor);
        p.put("h_note", new SqlParameterValue(Types.VARCHAR, note));
        p.put("h_at", Timestamp.from(at));
        return new LiveEvents.Write("""
                insert into q_ticket_history (centre_id, ticket_id, action, window_id, staff_id, actor, note, happened_at)
                values (:h_c, :h_t, :h_a, :h_w, :h_s, :h_actor, :h_note, :h_at)""", p);
    }

    private Optional<TicketRow> ticketRow(long id) {
        return jdbc.sql(TicketRow.SELECT + " where t.id = :id").param("id", id).query(TicketRow::map).optional();
    }

    private TicketRow row(long id) {
        return ticketRow(id).orElseThrow();
    }

    /**
     * For a ticket just issued: people ahead and minutes (the WaitEstimates of the floor if present, else a plain
     * estimate) and the people now waiting for its service.
     */
    private WaitEstimates.Issued estimate(TicketRow t) {
        WaitEstimates e = estimates.get();
        if (e != null) {
            return e.forIssued(t.centreId(), new FloorSnapshot.WaitingTicket(t.id(), t.serviceId(), t.number(),
                    t.priority(), t.queuedAt(), t.rankAt()));
        }
        List<PriorityRule.Candidate> read = new ArrayList<>(jdbc.sql("""
                select id, priority_class, queued_at, rank_at from q_ticket
                where service_id = :s and business_date = :d and status = 'WAITING'""")
                .param("s", t.serviceId()).param("d", t.businessDate())
                .query((rs, n) -> new PriorityRule.Candidate(rs.getLong(1), PriorityClass.valueOf(rs.getString(2)),
                        rs.getTimestamp(3).toInstant(), rs.getTimestamp(4).toInstant()))
                .list());
        if (read.stream().noneMatch(c -> c.id() == t.id())) {
            read.add(new PriorityRule.Candidate(t.id(), t.priority(), t.queuedAt(), t.rankAt())); // not written yet
        }
        List<PriorityRule.Candidate> waiting = priority.order(read);
        int ahead = 0;
        for (PriorityRule.Candidate c : waiting) {
            if (c.id() == t.id()) {
                break;
            }
            ahead++;
        }
        int minutes = serviceOf(t.centreId(), t.serviceId()).defaultMinutes();
        long open = jdbc.sql("""
                select count(*) from q_window_service ws join q_window_state st on st.window_id = ws.window_id
                where ws.service_id = :s and st.status in ('IDLE', 'CALLING', 'SERVING')""")
                .param("s", t.serviceId()).query(Long.class).single();
        return new WaitEstimates.Issued(
                new WaitEstimates.Estimate(ahead, (int) Math.ceil(ahead * (double) minutes / Math.max(1, open))),
                waiting.size());
    }

    // ---- views ----------------------------------------------------------------------------------------------------

    TicketView view(TicketRow t) {
        return view(t, null);
    }

    /** {@code window}: the ticket's window when the caller has it at hand (else looked up when the ticket has one). */
    private TicketView view(TicketRow t, @Nullable WindowInfo window) {
        String windowNumber = t.windowId() == null ? null
                : window != null && window.id() == t.windowId() ? window.number()
                : dir.window(t.windowId()).map(WindowInfo::number).orElse(null);
        return new TicketView(t.id(), t.centreId(), t.serviceId(), t.serviceCode(), t.serviceName(), t.number(),
                t.publicCode(), t.channel(), t.priority(), t.reason(), Masking.name(t.applicantName()), t.status(),
                t.issuedAt(), t.queuedAt(), t.windowId(), windowNumber, t.staffId(), t.calledAt(), t.servingAt(),
                t.finishedAt(), t.skippedAt(), t.recallCount(), t.skipCount(), t.transferNote(), t.caseNumber());
    }

    private WindowView viewOf(WindowInfo w, @Nullable WindowRow state) {
        List<Long> services = jdbc.sql("""
                select ws.service_id from q_window_service ws join q_service s on s.id = ws.service_id
                where ws.window_id = :w order by case when ws.own_line then 0 else 1 end, s.sort_order, s.code""")
                .param("w", w.id()).query(Long.class).list();
        if (state == null) {
            return new WindowView(w.id(), w.centreId(), w.number(), w.name(), WindowStatus.SIGNED_OUT, null, null, null,
                    null, null, null, Instant.EPOCH, services, alternatives(w));
        }
        String staffName = state.staffId() == null ? null : dir.staffName(state.staffId()).orElse(null);
        TicketView current = state.currentTicketId() == null ? null
                : ticketRow(state.currentTicketId()).map(t -> view(t, w)).orElse(null);
        return new WindowView(w.id(), w.centreId(), w.number(), w.name(), state.status(), state.staffId(), staffName,
                current, state.pauseReason(), state.pauseNote(), state.pauseUntil(), state.since(), services,
                showsSign(state.status()) ? alternatives(w) : List.of());
    }

    /** a paused or signed-out window's sign sends the applicants to the other windows; a window at work has none. */
    private static boolean showsSign(WindowStatus status) {
        return status == WindowStatus.PAUSED || status == WindowStatus.SIGNED_OUT;
    }

    /**
     * the numbers of the other signed-in, not paused windows that serve one of this window's services — one query,
     * the numbers from the directory. Only for a window that shows its sign (paused, signed out): never on the path of
     * a call, start or finish.
     */
    private List<String> alternatives(WindowInfo w) {
        List<Long> ids = jdbc.sql("""
                select distinct ws2.window_id from q_window_service ws1
                join q_window_service ws2 on ws2.service_id = ws1.service_id and ws2.window_id <> ws1.window_id
                join q_window_state st on st.window_id = ws2.window_id
                where ws1.window_id = :w and st.status in ('IDLE', 'CALLING', 'SERVING')""")
                .param("w", w.id()).query(Long.class).list();
        List<String> numbers = new ArrayList<>();
        if (!ids.isEmpty()) {
            Map<Long, String> known = dir.windowNumbers(w.centreId());
            for (Long id : ids) {
                String number = known.get(id);
                if (number == null) {
                    // a window opened since the directory read the centre's windows
                    number = dir.window(id).map(WindowInfo::number).orElse(null);
                }
                if (number != null) {
                    numbers.add(number);
                }
            }
        }
        numbers.sort(Comparator.comparing((String s) -> s.length()).thenComparing(Comparator.naturalOrder()));
        return numbers;
    }

    private void appendWindowState(WindowInfo w, WindowRow state) {
        live.appendAll(w.centreId(), List.of(windowState(w, state)));
    }

    /**
     * A ticket event of the window's desk with the window's state after it ({@code windowState}: the data of its
     * window.state event): what a call, start, skip or finish changes is told to the displays by one event.
     */
    private LiveEvents.Draft withState(LiveEvents.Draft ticketEvent, WindowInfo w, WindowRow state) {
        ticketEvent.data().put("windowState", windowState(w, state).data());
        return ticketEvent;
    }

    /** The window.state event of the window in {@code state} (alternatives only on its sign, see {@link #showsSign}). */
    private LiveEvents.Draft windowState(WindowInfo w, WindowRow state) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("windowId", w.id());
        data.put("window", w.number());
        data.put("status", state.status().name());
        if (state.staffId() != null) {
            dir.staffName(state.staffId()).ifPresent(name -> data.put("staffName", name));
        }
        if (state.pauseReason() != null) {
            data.put("pauseReason", state.pauseReason());
        }
        if (state.pauseUntil() != null) {
            data.put("pauseUntil", state.pauseUntil().toString());
        }
        data.put("alternatives", showsSign(state.status()) ? alternatives(w) : List.of());
        return new LiveEvents.Draft("window.state", w.id(), data);
    }

    private static Map<String, Object> ticketData(TicketRow t, @Nullable WindowInfo w) {
        return ticketData(t.id(), t.number(), t.serviceId(), w);
    }

    private static Map<String, Object> ticketData(long ticketId, String number, long serviceId, @Nullable WindowInfo w) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("ticketId", ticketId);
        data.put("number", number);
        data.put("serviceId", serviceId);
        if (w != null) {
            data.put("windowId", w.id());
            data.put("window", w.number());
        }
        return data;
    }

    // ---- transactions ---------------------------------------------------------------------------------------------

    /**
     * Runs a command in a transaction. When the transaction is the caller's own (none was active), a refusal of the
     * database for concurrency is retried from the start; inside a caller's transaction it is a 409.
     */
    private <T> T write(Supplier<T> command) {
        return write(cached -> command.get(), false);
    }

    /**
     * As {@link #write(Supplier)}, for a command of a window that may start from what the window held after this
     * node's last command on it ({@link #held(WindowInfo, WindowStatus, boolean)}): {@code true} on the first attempt
     * in a transaction of its own; a command refused on that state is run once more, reading the window.
     */
    private <T> T write(Function<Boolean, T> command, boolean mayUseLastHeld) {
        boolean own = !TransactionSynchronizationManager.isActualTransactionActive();
        boolean cached = own && mayUseLastHeld;
        for (int attempt = 1; ; attempt++) {
            boolean useCache = cached;
            try {
                return tx.execute(s -> command.apply(useCache));
            } catch (StaleHeld e) {
                cached = false;
                attempt--; // not a refusal of the database: the state it started from was old
            } catch (ConcurrencyFailureException e) {
                if (!own || attempt >= ATTEMPTS) {
                    throw DomainException.conflict("queue.concurrent");
                }
            }
        }
    }

    /** A command started from a remembered window state that was no longer the window's: run again, reading it. */
    private static final class StaleHeld extends RuntimeException {
        StaleHeld() {
            super(null, null, false, false);
        }
    }

    private <T> T read(Supplier<T> query) {
        return readOnly.execute(s -> query.get());
    }
}
