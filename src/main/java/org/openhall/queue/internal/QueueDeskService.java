package org.openhall.queue.internal;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
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
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

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
 * and a refused ticket rolls the increment back). The first ticket of a service and day inserts the row in a little
 * transaction of its own and, being the first of a new day, closes the earlier days of the centre ({@link #closeDay}),
 * which the {@link QueueDayCloser} also does every hour: both are idempotent conditional updates.
 *
 * <p>Every change writes {@code q_ticket_history} and appends its {@link LiveEvent} in the same transaction; the time
 * of a window's session is split into walking (call → counter), serving and paused seconds.
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
    private final ObjectProvider<WaitEstimates> estimates;
    private final TransactionTemplate tx;
    private final TransactionTemplate separate;
    private final TransactionTemplate readOnly;

    QueueDeskService(JdbcClient jdbc, Clock clock, QueueRules rules, LiveEvents live, OrganizationApi org,
            CalendarApi calendar, ApplicationEventPublisher publisher, ObjectProvider<WaitEstimates> estimates,
            PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.rules = rules;
        this.priority = new PriorityRule(rules);
        this.live = live;
        this.org = org;
        this.calendar = calendar;
        this.publisher = publisher;
        this.estimates = estimates;
        this.tx = new TransactionTemplate(transactions);
        this.separate = new TransactionTemplate(transactions);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    // =============================================================================================================
    // tickets
    // =============================================================================================================

    @Override
    public IssuedTicket issue(IssueRequest request, String actor) {
        return write(() -> doIssue(request, actor));
    }

    private IssuedTicket doIssue(IssueRequest r, String actor) {
        CentreInfo centre = org.centre(r.centreId()).filter(CentreInfo::active)
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
        Instant now = clock.instant();
        LocalDate today = openDay(centre, now);

        int seq = takeNumber(centre, service, today);
        if (service.dailyCap() != null && seq > service.dailyCap()) {
            throw DomainException.conflict("queue.ticket.capReached", service.name(), service.dailyCap());
        }
        String number = TicketNumbers.format(service.prefix(), service.rangeStart(), service.rangeEnd(), seq);
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into q_ticket (centre_id, service_id, business_date, seq, number, public_code, channel, priority_class,
                    priority_reason, applicant_name, applicant_mobile, appointment_id, status, issued_at, queued_at, rank_at,
                    next_service_ids)
                values (:c, :s, :d, :seq, :n, :code, :ch, :pc, :pr, :name, :mobile, :appt, 'WAITING', :now, :now, :now, :next)""")
                .param("c", centre.id()).param("s", service.id()).param("d", today).param("seq", seq).param("n", number)
                .param("code", TicketNumbers.publicCode()).param("ch", r.channel().name())
                .param("pc", r.priority().name())
                .param("pr", r.priority() == PriorityClass.SPECIAL ? Objects.requireNonNull(r.reason()).name() : null,
                        Types.VARCHAR)
                .param("name", name, Types.VARCHAR).param("mobile", mobile, Types.VARCHAR)
                .param("appt", r.appointmentId(), Types.BIGINT).param("now", Timestamp.from(now))
                .param("next", TicketRow.csv(next), Types.VARCHAR)
                .update(keys, "id");
        long id = Objects.requireNonNull(keys.getKey()).longValue();
        history(centre.id(), id, "ISSUE", null, null, actor, r.channel().name(), now);
        TicketRow t = row(id);
        Map<String, Object> data = ticketData(t, null);
        data.put("service", t.serviceName());
        data.put("waiting", waitingCount(service.id(), today));
        live.append(centre.id(), "ticket.issued", null, data);
        WaitEstimates.Estimate estimate = estimate(t);
        return new IssuedTicket(view(t), estimate.peopleAhead(), estimate.minutes());
    }

    /** The business date in the centre's zone if the hall is open now (CAL-1, CAL-2); 422 otherwise. */
    private LocalDate openDay(CentreInfo centre, Instant now) {
        ZoneId zone = calendar.zone(centre.code());
        ZonedDateTime local = now.atZone(zone);
        LocalDate today = local.toLocalDate();
        if (!calendar.isWorkingDay(centre.code(), today)) {
            throw DomainException.unprocessable("queue.hall.closedDay", today.toString());
        }
        OpeningHours hours = calendar.openingHours(centre.code());
        if (!hours.isOpenAt(local.toLocalTime())) {
            throw DomainException.unprocessable("queue.hall.closedHours", hours.opens().toString(), hours.closes().toString());
        }
        return today;
    }

    /** Increments the service's counter of the day (row locked until commit); the first of a day closes earlier days. */
    private int takeNumber(CentreInfo centre, QueueServices.ServiceView service, LocalDate day) {
        int rows = increment(service.id(), day);
        if (rows == 0) {
            boolean created = Boolean.TRUE.equals(separate.execute(s -> {
                try {
                    jdbc.sql("""
                            insert into q_counter (service_id, business_date, centre_id, last_seq) values (:s, :d, :c, 0)""")
                            .param("s", service.id()).param("d", day).param("c", centre.id()).update();
                    return true;
                } catch (DuplicateKeyException raced) {
                    s.setRollbackOnly();
                    return false;
                }
            }));
            if (created) {
                // the first ticket of a new day (Q-1 reset daily): yesterday's waiting tickets are closed first
                separate.executeWithoutResult(s -> doCloseDay(centre, "system"));
            }
            if (increment(service.id(), day) == 0) {
                throw new IllegalStateException("no counter for service " + service.id() + " on " + day);
            }
        }
        return jdbc.sql("select last_seq from q_counter where service_id = :s and business_date = :d")
                .param("s", service.id()).param("d", day).query(Integer.class).single();
    }

    private int increment(long serviceId, LocalDate day) {
        return jdbc.sql("update q_counter set last_seq = last_seq + 1 where service_id = :s and business_date = :d")
                .param("s", serviceId).param("d", day).update();
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
            WindowRow state = idle(window);
            Instant now = clock.instant();
            guard(window, state, "CALLING", now, "", Map.of());
            LocalDate today = today(window.centreId(), now);
            Optional<TicketRow> called = claimFirst(window, state, candidates(window, today, true), now);
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
            Instant now = clock.instant();
            if (t.centreId() != window.centreId() || t.status() != TicketStatus.WAITING
                    || !t.businessDate().equals(today(window.centreId(), now))) {
                throw DomainException.conflict("queue.ticket.notWaiting", t.number());
            }
            guard(window, state, "CALLING", now, "", Map.of());
            if (!claim(window, state, t.id(), now)) {
                throw DomainException.conflict("queue.ticket.notWaiting", t.number());
            }
            return afterCall(window, state, t, now, actor);
        });
    }

    private List<PriorityRule.Candidate> candidates(WindowInfo window, LocalDate today, boolean ownLine) {
        return jdbc.sql("""
                select t.id, t.priority_class, t.queued_at, t.rank_at from q_ticket t
                where t.centre_id = :c and t.business_date = :d and t.status = 'WAITING'
                  and ((t.target_window_id is null and t.service_id in
                        (select ws.service_id from q_window_service ws where ws.window_id = :w and ws.own_line = :own))
                       or (:own = true and t.target_window_id = :w))""")
                .param("c", window.centreId()).param("d", today).param("w", window.id()).param("own", ownLine)
                .query((rs, n) -> new PriorityRule.Candidate(rs.getLong(1), PriorityClass.valueOf(rs.getString(2)),
                        rs.getTimestamp(3).toInstant(), rs.getTimestamp(4).toInstant()))
                .list();
    }

    private Optional<TicketRow> claimFirst(WindowInfo window, WindowRow state, List<PriorityRule.Candidate> waiting,
            Instant now) {
        for (PriorityRule.Candidate c : priority.callOrder(waiting, state.priorityStreak(), now)) {
            if (claim(window, state, c.id(), now)) {
                return Optional.of(row(c.id()));
            }
        }
        return Optional.empty();
    }

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

    private TicketView afterCall(WindowInfo window, WindowRow state, TicketRow before, Instant now, String actor) {
        TicketRow t = row(before.id());
        int streak = PriorityRule.nextStreak(state.priorityStreak(), t.priority());
        jdbc.sql("""
                update q_window_state set current_ticket_id = :t, priority_streak = :streak where window_id = :w""")
                .param("t", t.id()).param("streak", streak).param("w", window.id()).update();
        history(t.centreId(), t.id(), "CALL", window.id(), state.staffId(), actor, null, now);
        appendCalled(window, t, false);
        appendWindowState(window, stateRow(window.id()).orElseThrow());
        publisher.publishEvent(new TicketCalled(t.centreId(), t.id(), t.number(), t.serviceId(), window.id(),
                Objects.requireNonNull(state.staffId()), t.queuedAt(), now));
        return view(t);
    }

    private void appendCalled(WindowInfo window, TicketRow t, boolean recall) {
        Map<String, Object> data = ticketData(t, window);
        data.put("service", t.serviceName());
        String masked = Masking.name(t.applicantName());
        if (masked != null && !masked.isBlank()) {
            data.put("name", masked);
        }
        data.put("recall", recall);
        data.put("announcement", Announcements.text(t.number(), window.number()));
        data.put("speech", Announcements.speech(t.number(), window.number()));
        live.append(t.centreId(), "ticket.called", window.id(), data);
    }

    @Override
    public TicketView recall(long windowId, String actor) {
        return write(() -> {
            WindowInfo window = windowInfo(windowId);
            WindowRow state = withTicket(window, WindowStatus.CALLING);
            TicketRow t = row(Objects.requireNonNull(state.currentTicketId()));
            Instant now = clock.instant();
            updateTicket(t, "recall_count = recall_count + 1", Map.of());
            history(t.centreId(), t.id(), "RECALL", window.id(), state.staffId(), actor, null, now);
            TicketRow after = row(t.id());
            appendCalled(window, after, true);
            return view(after);
        });
    }

    @Override
    public TicketView start(long windowId, String actor) {
        return write(() -> {
            WindowInfo window = windowInfo(windowId);
            WindowRow state = withTicket(window, WindowStatus.CALLING);
            TicketRow t = row(Objects.requireNonNull(state.currentTicketId()));
            Instant now = clock.instant();
            updateTicket(t, "status = 'SERVING', serving_at = :now", Map.of("now", Timestamp.from(now)));
            addSession(state.sessionId(), "walking_seconds", t.calledAt(), now);
            guard(window, state, "SERVING", now, "", Map.of());
            history(t.centreId(), t.id(), "START", window.id(), state.staffId(), actor, null, now);
            live.append(t.centreId(), "ticket.serving", window.id(), ticketData(t, window));
            appendWindowState(window, stateRow(windowId).orElseThrow());
            return view(row(t.id()));
        });
    }

    @Override
    public TicketView skip(long windowId, String actor) {
        return write(() -> {
            WindowInfo window = windowInfo(windowId);
            WindowRow state = withTicket(window, WindowStatus.CALLING);
            TicketRow t = row(Objects.requireNonNull(state.currentTicketId()));
            Instant now = clock.instant();
            updateTicket(t, "status = 'SKIPPED', skipped_at = :now, skip_count = skip_count + 1",
                    Map.of("now", Timestamp.from(now)));
            addSession(state.sessionId(), "walking_seconds", t.calledAt(), now);
            guard(window, state, "IDLE", now, "", Map.of());
            history(t.centreId(), t.id(), "SKIP", window.id(), state.staffId(), actor, null, now);
            live.append(t.centreId(), "ticket.skipped", window.id(), ticketData(t, window));
            appendWindowState(window, stateRow(windowId).orElseThrow());
            return view(row(t.id()));
        });
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
        return write(() -> {
            WindowInfo window = windowInfo(windowId);
            WindowRow state = signedIn(window);
            if (state.currentTicketId() == null
                    || (state.status() != WindowStatus.SERVING && state.status() != WindowStatus.CALLING)) {
                throw DomainException.conflict("queue.ticket.notServing", window.number());
            }
            String cn = caseNumber == null || caseNumber.isBlank() ? null : caseNumber.strip();
            if (cn != null && !CASE_NUMBER.matcher(cn).matches()) {
                throw DomainException.invalid("caseNumber", "queue.finish.caseNumber.invalid");
            }
            TicketRow t = row(state.currentTicketId());
            Instant now = clock.instant();
            Instant servingAt = t.servingAt() != null ? t.servingAt() : now;
            accountTicketTime(state, t, now);
            Map<String, Object> p = new HashMap<>();
            p.put("now", Timestamp.from(now));
            p.put("serving", Timestamp.from(servingAt));
            p.put("cn", cn == null ? new org.springframework.jdbc.core.SqlParameterValue(Types.VARCHAR, null) : cn);
            boolean chained = !t.nextServiceIds().isEmpty();
            if (chained) {
                // Q-2 多窗联办: on to the next service without queueing again (the original queue time is kept)
                List<Long> rest = t.nextServiceIds().subList(1, t.nextServiceIds().size());
                p.put("next", t.nextServiceIds().getFirst());
                p.put("rest", rest.isEmpty() ? new org.springframework.jdbc.core.SqlParameterValue(Types.VARCHAR, null)
                        : Objects.requireNonNull(TicketRow.csv(rest)));
                updateTicket(t, """
                        status = 'WAITING', service_id = :next, next_service_ids = :rest, window_id = null, staff_id = null,
                        called_at = null, serving_at = null, target_window_id = null,
                        case_number = coalesce(:cn, case_number)""", p);
            } else {
                updateTicket(t, """
                        status = 'DONE', serving_at = :serving, finished_at = :now, case_number = coalesce(:cn, case_number)""", p);
            }
            guard(window, state, "IDLE", now, "", Map.of());
            history(t.centreId(), t.id(), chained ? "FINISH_STEP" : "FINISH", window.id(), state.staffId(), actor, cn, now);
            TicketRow after = row(t.id());
            Map<String, Object> data = ticketData(t, window);
            if (chained) {
                data.put("nextServiceId", after.serviceId());
            }
            live.append(t.centreId(), "ticket.finished", window.id(), data);
            if (!chained) {
                Map<String, Object> rating = new LinkedHashMap<>();
                rating.put("ticketId", t.id());
                rating.put("number", t.number());
                rating.put("windowId", window.id());
                live.append(t.centreId(), "rating.requested", window.id(), rating);
            }
            appendWindowState(window, stateRow(windowId).orElseThrow());
            publisher.publishEvent(new ServiceFinished(t.centreId(), t.id(), t.number(), t.serviceId(), window.id(),
                    Objects.requireNonNull(state.staffId()), t.queuedAt(),
                    t.calledAt() != null ? t.calledAt() : servingAt, servingAt, now));
            return view(after);
        });
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
                where t.centre_id = :c and ((t.business_date < :d and t.status in ('WAITING', 'SKIPPED'))
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
        return org.window(windowId).filter(WindowInfo::active)
                .orElseThrow(() -> DomainException.notFound("queue.window.notFound"));
    }

    private QueueServices.ServiceView serviceOf(long centreId, long serviceId) {
        return jdbc.sql("select * from q_service where id = :id").param("id", serviceId).query(JdbcQueueServices::map)
                .optional().filter(s -> s.centreId() == centreId)
                .orElseThrow(() -> DomainException.notFound("queue.service.notFound"));
    }

    private LocalDate today(long centreId, Instant now) {
        String code = org.centre(centreId).map(CentreInfo::code).orElse(null);
        return now.atZone(calendar.zone(code)).toLocalDate();
    }

    private Optional<WindowRow> stateRow(long windowId) {
        return jdbc.sql("select * from q_window_state where window_id = :w").param("w", windowId).query(WindowRow::map)
                .optional();
    }

    /** The window's state row, made (SIGNED_OUT) in a transaction of its own if the window never signed in. */
    private WindowRow ensureState(WindowInfo window) {
        Optional<WindowRow> state = stateRow(window.id());
        if (state.isPresent()) {
            return state.get();
        }
        separate.executeWithoutResult(s -> {
            try {
                jdbc.sql("""
                        insert into q_window_state (window_id, centre_id, status, since) values (:w, :c, 'SIGNED_OUT', :now)""")
                        .param("w", window.id()).param("c", window.centreId()).param("now", Timestamp.from(clock.instant()))
                        .update();
            } catch (DuplicateKeyException raced) {
                s.setRollbackOnly();
            }
        });
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

    /** Has a ticket in {@code status} (CALLING / SERVING; null: either). */
    private WindowRow withTicket(WindowInfo window, @Nullable WindowStatus status) {
        WindowRow state = signedIn(window);
        boolean ok = state.currentTicketId() != null && (status == null ? state.status() == WindowStatus.CALLING
                || state.status() == WindowStatus.SERVING : state.status() == status);
        if (!ok) {
            throw DomainException.conflict(status == WindowStatus.CALLING ? "queue.window.nothingCalled"
                    : "queue.ticket.notServing", window.number());
        }
        return state;
    }

    /**
     * Moves the window to {@code status} if nobody changed it since {@code state} was read (its version): the guard
     * that one window holds one ticket, whichever thread or node calls. 409 when it changed meanwhile.
     */
    private void guard(WindowInfo window, WindowRow state, String status, Instant now, String extraSet,
            Map<String, Object> extra) {
        Map<String, Object> p = new HashMap<>(extra);
        p.put("status", status);
        p.put("now", Timestamp.from(now));
        p.put("w", window.id());
        p.put("v", state.version());
        p.put("current", state.status().name());
        // CALLING: afterCall sets the ticket; SERVING keeps it; every other state holds none
        String keepTicket = "CALLING".equals(status) || "SERVING".equals(status) ? "" : "current_ticket_id = null,";
        int rows = jdbc.sql("update q_window_state set status = :status, " + keepTicket + extraSet
                + " since = :now, version = version + 1 where window_id = :w and version = :v and status = :current")
                .params(p).update();
        if (rows != 1) {
            throw DomainException.conflict("queue.window.changed", window.number());
        }
    }

    private void updateTicket(TicketRow t, String set, Map<String, Object> params) {
        Map<String, Object> p = new HashMap<>(params);
        p.put("id", t.id());
        p.put("v", t.version());
        int rows = jdbc.sql("update q_ticket set " + set + ", version = version + 1 where id = :id and version = :v")
                .params(p).update();
        if (rows != 1) {
            throw DomainException.conflict("queue.ticket.changed", t.number());
        }
    }

    /** Adds the walking (called, not yet at the counter) or serving time of the window's ticket to its session. */
    private void accountTicketTime(WindowRow state, TicketRow t, Instant now) {
        if (t.status() == TicketStatus.SERVING && t.servingAt() != null) {
            addSession(state.sessionId(), "serving_seconds", t.servingAt(), now);
        } else if (t.status() == TicketStatus.CALLED && t.calledAt() != null) {
            addSession(state.sessionId(), "walking_seconds", t.calledAt(), now);
        }
    }

    private void addSession(@Nullable Long sessionId, String column, @Nullable Instant from, Instant to) {
        if (sessionId == null || from == null || !to.isAfter(from)) {
            return;
        }
        long seconds = Duration.between(from, to).toSeconds();
        jdbc.sql("update q_session set " + column + " = " + column + " + :s where id = :id")
                .param("s", seconds).param("id", sessionId).update();
    }

    private void history(long centreId, long ticketId, String action, @Nullable Long windowId, @Nullable Long staffId,
            String actor, @Nullable String note, Instant at) {
        jdbc.sql("""
                insert into q_ticket_history (centre_id, ticket_id, action, window_id, staff_id, actor, note, happened_at)
                values (:c, :t, :a, :w, :s, :actor, :note, :at)""")
                .param("c", centreId).param("t", ticketId).param("a", action).param("w", windowId, Types.BIGINT)
                .param("s", staffId, Types.BIGINT).param("actor", actor.length() > 64 ? actor.substring(0, 64) : actor)
                .param("note", note, Types.VARCHAR).param("at", Timestamp.from(at)).update();
    }

    private Optional<TicketRow> ticketRow(long id) {
        return jdbc.sql(TicketRow.SELECT + " where t.id = :id").param("id", id).query(TicketRow::map).optional();
    }

    private TicketRow row(long id) {
        return ticketRow(id).orElseThrow();
    }

    private int waitingCount(long serviceId, LocalDate day) {
        return jdbc.sql("select count(*) from q_ticket where service_id = :s and business_date = :d and status = 'WAITING'")
                .param("s", serviceId).param("d", day).query(Integer.class).single();
    }

    /** People ahead and minutes: the WaitEstimates of the floor if present, else a plain estimate. */
    private WaitEstimates.Estimate estimate(TicketRow t) {
        WaitEstimates e = estimates.getIfAvailable();
        if (e != null) {
            return e.forTicket(t.id());
        }
        List<PriorityRule.Candidate> waiting = priority.order(jdbc.sql("""
                select id, priority_class, queued_at, rank_at from q_ticket
                where service_id = :s and business_date = :d and status = 'WAITING'""")
                .param("s", t.serviceId()).param("d", t.businessDate())
                .query((rs, n) -> new PriorityRule.Candidate(rs.getLong(1), PriorityClass.valueOf(rs.getString(2)),
                        rs.getTimestamp(3).toInstant(), rs.getTimestamp(4).toInstant()))
                .list());
        int ahead = 0;
        for (PriorityRule.Candidate c : waiting) {
            if (c.id() == t.id()) {
                break;
            }
            ahead++;
        }
        int minutes = jdbc.sql("select default_minutes from q_service where id = :s").param("s", t.serviceId())
                .query(Integer.class).single();
        long open = jdbc.sql("""
                select count(*) from q_window_service ws join q_window_state st on st.window_id = ws.window_id
                where ws.service_id = :s and st.status in ('IDLE', 'CALLING', 'SERVING')""")
                .param("s", t.serviceId()).query(Long.class).single();
        return new WaitEstimates.Estimate(ahead, (int) Math.ceil(ahead * (double) minutes / Math.max(1, open)));
    }

    // ---- views ----------------------------------------------------------------------------------------------------

    TicketView view(TicketRow t) {
        String windowNumber = t.windowId() == null ? null : org.window(t.windowId()).map(WindowInfo::number).orElse(null);
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
                    null, null, null, Instant.EPOCH, services, List.of());
        }
        String staffName = state.staffId() == null ? null : org.staff(state.staffId()).map(StaffSummary::name).orElse(null);
        TicketView current = state.currentTicketId() == null ? null : ticketRow(state.currentTicketId()).map(this::view).orElse(null);
        return new WindowView(w.id(), w.centreId(), w.number(), w.name(), state.status(), state.staffId(), staffName,
                current, state.pauseReason(), state.pauseNote(), state.pauseUntil(), state.since(), services,
                alternatives(w));
    }

    /** the numbers of the other signed-in, not paused windows that serve one of this window's services. */
    private List<String> alternatives(WindowInfo w) {
        List<Long> ids = jdbc.sql("""
                select distinct ws2.window_id from q_window_service ws1
                join q_window_service ws2 on ws2.service_id = ws1.service_id and ws2.window_id <> ws1.window_id
                join q_window_state st on st.window_id = ws2.window_id
                where ws1.window_id = :w and st.status in ('IDLE', 'CALLING', 'SERVING')""")
                .param("w", w.id()).query(Long.class).list();
        List<String> numbers = new ArrayList<>();
        if (!ids.isEmpty()) {
            // one read of the centre's windows, not one per alternative (a hall may have hundreds of windows)
            Set<Long> wanted = new java.util.HashSet<>(ids);
            for (WindowInfo o : org.windows(w.centreId())) {
                if (wanted.contains(o.id())) {
                    numbers.add(o.number());
                }
            }
        }
        numbers.sort(Comparator.comparing((String s) -> s.length()).thenComparing(Comparator.naturalOrder()));
        return numbers;
    }

    private void appendWindowState(WindowInfo w, WindowRow state) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("windowId", w.id());
        data.put("window", w.number());
        data.put("status", state.status().name());
        if (state.staffId() != null) {
            org.staff(state.staffId()).ifPresent(s -> data.put("staffName", s.name()));
        }
        if (state.pauseReason() != null) {
            data.put("pauseReason", state.pauseReason());
        }
        if (state.pauseUntil() != null) {
            data.put("pauseUntil", state.pauseUntil().toString());
        }
        data.put("alternatives", alternatives(w));
        live.append(w.centreId(), "window.state", w.id(), data);
    }

    private static Map<String, Object> ticketData(TicketRow t, @Nullable WindowInfo w) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("ticketId", t.id());
        data.put("number", t.number());
        data.put("serviceId", t.serviceId());
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
        boolean own = !TransactionSynchronizationManager.isActualTransactionActive();
        for (int attempt = 1; ; attempt++) {
            try {
                return tx.execute(s -> command.get());
            } catch (ConcurrencyFailureException e) {
                if (!own || attempt >= ATTEMPTS) {
                    throw DomainException.conflict("queue.concurrent");
                }
            }
        }
    }

    private <T> T read(Supplier<T> query) {
        return readOnly.execute(s -> query.get());
    }
}
