package org.openhall.queue.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.openhall.calendar.CalendarApi;
import org.openhall.calendar.MissingCalendarYearException;
import org.openhall.calendar.OpeningHours;
import org.openhall.organization.CentreInfo;
import org.openhall.organization.OrganizationApi;
import org.openhall.queue.AppointmentStatus;
import org.openhall.queue.PriorityClass;
import org.openhall.queue.TicketChannel;
import org.openhall.security.AuditTrail;
import org.openhall.shared.ChineseIdNumber;
import org.openhall.shared.DomainException;
import org.openhall.shared.Masking;
import org.openhall.shared.MobileNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Appointments (预约服务, Q-7; seed 001 窗口工作规章制度 第十条: 建立健全预约服务制度): slots per queue service and day, online
 * booking with a booking code, cancellation, check-in at the kiosk that turns a booking into a ticket, late and no-show
 * rules. The rules themselves are in {@link AppointmentRules}; this class keeps them against the database.
 *
 * <p><b>Slots</b> are generated per service with appointments ({@code slot_minutes}, {@code slot_capacity}) for the
 * working days of the centre's calendar in the booking horizon, from the hall's opening hours: lazily on the first read
 * of a day, or for the whole horizon by the centre office ({@link #generate}). A day is generated once
 * ({@code q_slot_day}), so a capacity the office changed stays; generating is idempotent and safe on several nodes.
 *
 * <p><b>Capacity</b> is enforced by one conditional update {@code booked = booked + 1 where booked < capacity}: however
 * many requests race for the last place, on however many nodes, exactly the capacity is booked; the refused requests
 * write nothing. One active booking per ID number and per mobile, service and day is a unique key.
 *
 * <p><b>No-shows</b> are found by a sweep that marks every booking nobody checked in for by the end of its slot plus
 * the grace time: lazily before every booking, check-in and staff view of the centre, and every few minutes by the
 * scheduler ({@code openhall.queue.appointments.sweep-cron}). Each booking changes with a conditional update on its
 * status, so sweeps on several nodes never record a no-show twice.
 *
 * <p>Every change is recorded in {@code q_appointment_history} (who, when, what) and in the audit trail. {@code actor}
 * is a staff username, {@code device:ID} for a kiosk or {@code online} for the public pages.
 */
@Service
public class Appointments {

    static final String ENTITY = "Appointment";
    static final String SLOT_ENTITY = "AppointmentSlot";
    public static final String SYSTEM = "system";
    private static final Logger log = LoggerFactory.getLogger(Appointments.class);
    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm");
    private static final int MAX_CAPACITY = 999;
    private static final int MAX_NAME = 50;

    private final JdbcClient jdbc;
    private final QueueServices services;
    private final QueueDesk desk;
    private final QueueRules rules;
    private final CalendarApi calendar;
    private final OrganizationApi organization;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final TransactionOperations tx;
    private final AppointmentProperties properties;
    private final Clock clock;

    Appointments(JdbcClient jdbc, QueueServices services, QueueDesk desk, QueueRules rules, CalendarApi calendar,
            OrganizationApi organization, AuditTrail audit, ApplicationEventPublisher events, TransactionOperations tx,
            AppointmentProperties properties, Clock clock) {
        this.properties = properties;
        this.jdbc = jdbc;
        this.services = services;
        this.desk = desk;
        this.rules = rules;
        this.calendar = calendar;
        this.organization = organization;
        this.audit = audit;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    // ------------------------------------------------------------------------------------------------------ records

    /** A centre as the appointments see it: its code for the calendar and the zone its days are computed in. */
    public record Centre(long id, String code, String name, ZoneId zone) {
    }

    /** A slot of a service's day. {@code bookable}: it starts in the future and has room. */
    public record SlotView(long id, long centreId, long serviceId, LocalDate date, LocalTime startsAt, LocalTime endsAt,
            int capacity, int booked, boolean started) {

        public int remaining() {
            return Math.max(0, capacity - booked);
        }

        public boolean bookable() {
            return !started && remaining() > 0;
        }
    }

    /** A day of the booking horizon for one service: the room left in its slots that have not started yet. */
    public record DayView(LocalDate date, int slots, int remaining) {
    }

    /** What an applicant (or staff on their behalf) books. */
    public record BookingRequest(long centreId, long slotId, @Nullable String name, @Nullable String idNumber,
            @Nullable String mobile) {
    }

    /** A field of a booking request that is wrong, with the message key. */
    public record FieldProblem(String field, String key) {
    }

    /** A booking with everything staff may see; the pages mask what their reader may not see. */
    public record Booking(long id, long centreId, long serviceId, String serviceCode, String serviceName, long slotId,
            LocalDate date, LocalTime startsAt, LocalTime endsAt, String code, String name, @Nullable String idNumber,
            String mobile, AppointmentStatus status, Instant bookedAt, @Nullable Instant cancelledAt,
            @Nullable Instant checkedInAt, @Nullable Long ticketId, @Nullable String ticketNumber, boolean late,
            @Nullable Instant noShowAt) {

        public String displayCode() {
            return BookingCodes.display(code);
        }

        public @Nullable String maskedName() {
            return Masking.name(name);
        }

        public @Nullable String maskedMobile() {
            return Masking.mobile(mobile);
        }

        public @Nullable String maskedIdNumber() {
            return Masking.idNumber(idNumber);
        }
    }

    /** One service's day for the staff page: its slots, each with its bookings. */
    public record ServiceDay(QueueServices.ServiceView service, List<SlotBookings> slots) {

        public int capacity() {
            return slots.stream().mapToInt(s -> s.slot().capacity()).sum();
        }

        public int booked() {
            return slots.stream().mapToInt(s -> s.slot().booked()).sum();
        }
    }

    public record SlotBookings(SlotView slot, List<Booking> bookings) {
    }

    // ------------------------------------------------------------------------------------------------------- centres

    public Centre centre(long centreId) {
        CentreInfo c = organization.centre(centreId).filter(CentreInfo::active)
                .orElseThrow(() -> DomainException.notFound("queue.appt.centre.notFound", String.valueOf(centreId)));
        return new Centre(c.id(), c.code(), c.name(), calendar.zone(c.code()));
    }

    public Centre centreByCode(String code) {
        CentreInfo c = organization.centreByCode(code.strip()).filter(CentreInfo::active)
                .orElseThrow(() -> DomainException.notFound("queue.appt.centre.notFound", code));
        return new Centre(c.id(), c.code(), c.name(), calendar.zone(c.code()));
    }

    public LocalDate today(Centre centre) {
        return LocalDate.ofInstant(clock.instant(), centre.zone());
    }

    public QueueRules rules() {
        return rules;
    }

    // ------------------------------------------------------------------------------------------------------ services

    /** The centre's active services that take appointments, in display order. */
    public List<QueueServices.ServiceView> bookableServices(long centreId) {
        return services.services(centreId).stream().filter(QueueServices.ServiceView::active)
                .filter(QueueServices.ServiceView::appointments)
                .sorted(Comparator.comparingInt(QueueServices.ServiceView::sortOrder)
                        .thenComparing(QueueServices.ServiceView::code))
                .toList();
    }

    /** A service of the centre that takes appointments, by code; 404 otherwise. */
    public QueueServices.ServiceView bookableService(long centreId, String serviceCode) {
        return services.serviceByCode(centreId, serviceCode.strip()).filter(QueueServices.ServiceView::active)
                .filter(QueueServices.ServiceView::appointments)
                .orElseThrow(() -> DomainException.notFound("queue.appt.service.notFound", serviceCode));
    }

    // --------------------------------------------------------------------------------------------------------- slots

    private boolean workingDay(Centre c, LocalDate date) {
        try {
            return calendar.isWorkingDay(c.code(), date);
        } catch (MissingCalendarYearException e) {
            // a year without an arrangement cannot be booked until the calendar knows it
            return false;
        }
    }

    /** The working days of the booking horizon (today included) of the centre. */
    public List<LocalDate> bookingDays(Centre c) {
        return AppointmentRules.horizon(today(c), rules).stream().filter(d -> workingDay(c, d)).toList();
    }

    /** Each working day of the horizon with the room left in its slots not yet started (generating them if needed). */
    public List<DayView> days(Centre c, QueueServices.ServiceView service) {
        List<DayView> days = new ArrayList<>();
        for (LocalDate d : bookingDays(c)) {
            List<SlotView> slots = slots(c, service, d);
            List<SlotView> open = slots.stream().filter(s -> !s.started()).toList();
            days.add(new DayView(d, open.size(), open.stream().mapToInt(SlotView::remaining).sum()));
        }
        return days;
    }

    /**
     * The slots of a service's day. A working day of the booking horizon is generated on its first read; other days
     * show what was generated for them (nothing for a day that never was).
     */
    public List<SlotView> slots(Centre c, QueueServices.ServiceView service, LocalDate date) {
        if (service.centreId() != c.id()) {
            throw DomainException.notFound("queue.appt.service.notFound", service.code());
        }
        if (service.appointments() && AppointmentRules.inHorizon(date, today(c), rules) && workingDay(c, date)) {
            ensureDay(c, service, date, SYSTEM);
        }
        return readSlots(c, service.id(), date);
    }

    private List<SlotView> readSlots(Centre c, long serviceId, LocalDate date) {
        Instant now = clock.instant();
        return jdbc.sql("select * from q_slot where service_id = :s and slot_date = :d order by starts_at")
                .param("s", serviceId).param("d", date)
                .query((rs, n) -> slot(rs, c, now)).list();
    }

    private SlotView slot(ResultSet rs, Centre c, Instant now) throws SQLException {
        LocalDate date = rs.getObject("slot_date", LocalDate.class);
        LocalTime start = rs.getObject("starts_at", LocalTime.class);
        return new SlotView(rs.getLong("id"), rs.getLong("centre_id"), rs.getLong("service_id"), date, start,
                rs.getObject("ends_at", LocalTime.class), rs.getInt("capacity"), rs.getInt("booked"),
                !now.isBefore(instant(c, date, start)));
    }

    public Optional<SlotView> slot(Centre c, long slotId) {
        Instant now = clock.instant();
        return jdbc.sql("select * from q_slot where id = :id and centre_id = :c").param("id", slotId).param("c", c.id())
                .query((rs, n) -> slot(rs, c, now)).optional();
    }

    /**
     * Generates a day's slots unless it was generated before: the day's row in {@code q_slot_day} is claimed with an
     * insert that does nothing on a conflict, so of two concurrent generations (two nodes) only one inserts slots.
     *
     * @return the number of slots made (0 when the day existed)
     */
    private int ensureDay(Centre c, QueueServices.ServiceView service, LocalDate date, String actor) {
        Integer slotMinutes = service.slotMinutes();
        Integer capacity = service.slotCapacity();
        if (slotMinutes == null || capacity == null || slotMinutes <= 0 || capacity <= 0) {
            return 0;
        }
        boolean exists = jdbc.sql("select count(*) from q_slot_day where service_id = :s and slot_date = :d")
                .param("s", service.id()).param("d", date).query(Integer.class).single() > 0;
        if (exists) {
            return 0;
        }
        OpeningHours hours = calendar.openingHours(c.code());
        List<AppointmentRules.SlotTime> times = AppointmentRules.slotTimes(hours, slotMinutes);
        Integer made = tx.execute(status -> {
            int claimed = jdbc.sql("""
                    insert into q_slot_day (service_id, slot_date, centre_id, slots, generated_at, generated_by)
                    values (:s, :d, :c, :n, :t, :by) on conflict do nothing""")
                    .param("s", service.id()).param("d", date).param("c", c.id()).param("n", times.size())
                    .param("t", Timestamp.from(clock.instant())).param("by", actor).update();
            if (claimed == 0) {
                return 0;
            }
            int n = 0;
            for (AppointmentRules.SlotTime t : times) {
                n += jdbc.sql("""
                        insert into q_slot (centre_id, service_id, slot_date, starts_at, ends_at, capacity, booked)
                        values (:c, :s, :d, :start, :end, :cap, 0) on conflict do nothing""")
                        .param("c", c.id()).param("s", service.id()).param("d", date).param("start", t.start())
                        .param("end", t.end()).param("cap", capacity).update();
            }
            return n;
        });
        return made == null ? 0 : made;
    }

    /**
     * Generates the slots of every service with appointments for every working day of the booking horizon that has
     * none yet (the centre office's 生成预约时段); audited.
     *
     * @return the number of slots made
     */
    public int generate(long centreId, String actor) {
        Centre c = centre(centreId);
        List<QueueServices.ServiceView> list = bookableServices(centreId);
        List<LocalDate> days = bookingDays(c);
        int made = 0;
        for (QueueServices.ServiceView s : list) {
            for (LocalDate d : days) {
                made += ensureDay(c, s, d, actor);
            }
        }
        int total = made;
        tx.executeWithoutResult(status -> audit.record(centreId, SLOT_ENTITY, String.valueOf(centreId), "GENERATE", null,
                Map.of("services", list.stream().map(QueueServices.ServiceView::code).toList(),
                        "from", days.isEmpty() ? "" : days.getFirst().toString(),
                        "to", days.isEmpty() ? "" : days.getLast().toString(), "slots", total, "by", actor)));
        return total;
    }

    /**
     * Changes one slot's capacity (0 closes it); never below what is booked (409), never above 999 (400). Audited with
     * the state before and after.
     */
    public SlotView changeCapacity(long centreId, long slotId, int capacity, String actor) {
        if (capacity < 0 || capacity > MAX_CAPACITY) {
            throw DomainException.invalid("capacity", "queue.appt.capacity.range", MAX_CAPACITY);
        }
        Centre c = centre(centreId);
        SlotView before = slot(c, slotId).orElseThrow(() -> DomainException.notFound("queue.appt.slot.notFound"));
        return tx.execute(status -> {
            int changed = jdbc.sql("update q_slot set capacity = :cap where id = :id and booked <= :cap")
                    .param("cap", capacity).param("id", slotId).update();
            if (changed == 0) {
                SlotView now = slot(c, slotId).orElseThrow();
                throw DomainException.conflict("queue.appt.capacity.belowBooked", now.booked());
            }
            SlotView after = slot(c, slotId).orElseThrow();
            audit.record(centreId, SLOT_ENTITY, String.valueOf(slotId), "UPDATE", slotState(before), slotState(after));
            return after;
        });
    }

    private static Map<String, Object> slotState(SlotView s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("serviceId", s.serviceId());
        m.put("date", s.date().toString());
        m.put("startsAt", s.startsAt().toString());
        m.put("endsAt", s.endsAt().toString());
        m.put("capacity", s.capacity());
        m.put("booked", s.booked());
        return m;
    }

    // ------------------------------------------------------------------------------------------------------ booking

    /** Checks a booking request's fields; every problem, none when it may be booked. Nothing is read or written. */
    public static List<FieldProblem> validate(BookingRequest r) {
        List<FieldProblem> problems = new ArrayList<>();
        String name = r.name() == null ? "" : r.name().strip();
        if (name.isEmpty()) {
            problems.add(new FieldProblem("name", "queue.appt.name.required"));
        } else if (name.codePointCount(0, name.length()) > MAX_NAME || name.chars().anyMatch(Character::isISOControl)) {
            problems.add(new FieldProblem("name", "queue.appt.name.invalid"));
        }
        if (r.idNumber() == null || r.idNumber().isBlank()) {
            problems.add(new FieldProblem("idNumber", "queue.appt.idNumber.required"));
        } else {
            ChineseIdNumber.validationError(r.idNumber()).ifPresent(k -> problems.add(new FieldProblem("idNumber", k)));
        }
        if (r.mobile() == null || r.mobile().isBlank()) {
            problems.add(new FieldProblem("mobile", "queue.appt.mobile.required"));
        } else {
            MobileNumber.validationError(r.mobile()).ifPresent(k -> problems.add(new FieldProblem("mobile", k)));
        }
        return problems;
    }

    /**
     * Books a place in a slot. Refused, with nothing written: invalid fields (400), unknown slot or a service without
     * appointments (404), a slot that started or lies outside the horizon (409 / 422), a person banned for no-shows
     * (403), a second active booking of the person (ID number or mobile) for the service and day (409), a full slot
     * (409). The booking code goes to the mobile by SMS after commit; a failed SMS never undoes the booking.
     */
    public Booking book(BookingRequest r, String actor) {
        List<FieldProblem> problems = validate(r);
        if (!problems.isEmpty()) {
            throw DomainException.invalid(problems.getFirst().field(), problems.getFirst().key());
        }
        String name = r.name().strip();
        String idNumber = ChineseIdNumber.of(r.idNumber()).value();
        String mobile = MobileNumber.of(r.mobile()).value();
        Centre c = centre(r.centreId());
        SlotView slot = slot(c, r.slotId()).orElseThrow(() -> DomainException.notFound("queue.appt.slot.notFound"));
        QueueServices.ServiceView service = services.service(slot.serviceId()).filter(QueueServices.ServiceView::active)
                .filter(QueueServices.ServiceView::appointments)
                .orElseThrow(() -> DomainException.notFound("queue.appt.service.notFound", String.valueOf(slot.serviceId())));
        Instant now = clock.instant();
        if (!AppointmentRules.inHorizon(slot.date(), today(c), rules)) {
            throw DomainException.unprocessable("queue.appt.slot.outsideHorizon", rules.bookingDaysAhead());
        }
        if (!AppointmentRules.bookable(now, instant(c, slot.date(), slot.startsAt()))) {
            throw DomainException.conflict("queue.appt.slot.started");
        }
        // earlier bookings of this person that nobody came for count towards the ban even before the scheduled sweep
        sweep(c);
        bannedUntil(c, idNumber, mobile).ifPresent(until -> {
            throw DomainException.forbidden("queue.appt.banned", rules.noShowBanLimit(),
                    LocalDate.ofInstant(until, c.zone()).toString());
        });
        Long id = tx.execute(status -> {
            int already = jdbc.sql("""
                    select count(*) from q_appointment where service_id = :s and slot_date = :d
                    and (active_id_number = :id or active_mobile = :m)""")
                    .param("s", service.id()).param("d", slot.date()).param("id", idNumber).param("m", mobile)
                    .query(Integer.class).single();
            if (already > 0) {
                throw DomainException.conflict("queue.appt.alreadyBooked");
            }
            int taken;
            try {
                taken = jdbc.sql("update q_slot set booked = booked + 1 where id = :id and booked < capacity")
                        .param("id", slot.id()).update();
            } catch (DataIntegrityViolationException e) {
                taken = 0;
            }
            if (taken == 0) {
                throw DomainException.conflict("queue.appt.slot.full", slot.startsAt().format(HM),
                        slot.endsAt().format(HM));
            }
            String code = freshCode();
            try {
                jdbc.sql("""
                        insert into q_appointment (centre_id, slot_id, service_id, code, applicant_name, id_number, mobile,
                            status, booked_at, late, slot_date, active_id_number, active_mobile, changed_by)
                        values (:c, :slot, :s, :code, :name, :id, :m, 'BOOKED', :t, false, :d, :id, :m, :by)""")
                        .param("c", c.id()).param("slot", slot.id()).param("s", service.id()).param("code", code)
                        .param("name", name).param("id", idNumber).param("m", mobile)
                        .param("t", Timestamp.from(now)).param("d", slot.date()).param("by", actor).update();
            } catch (DuplicateKeyException e) {
                // a concurrent booking of the same person for the service and day won the unique key
                throw DomainException.conflict("queue.appt.alreadyBooked");
            }
            long newId = jdbc.sql("select id from q_appointment where code = :code").param("code", code)
                    .query(Long.class).single();
            history(c.id(), newId, "BOOK", actor, null, null);
            audit.record(c.id(), ENTITY, code, "CREATE", null, auditState(booking(newId).orElseThrow()));
            events.publishEvent(new AppointmentBooked(c.id(), newId));
            return newId;
        });
        return booking(id).orElseThrow();
    }

    /** A code no booking has yet (a clash among 8.5 × 10¹¹ codes is rare; the unique key guards the rest). */
    private String freshCode() {
        for (int attempt = 0; attempt < 10; attempt++) {
            String code = BookingCodes.next();
            boolean used = jdbc.sql("select count(*) from q_appointment where code = :c").param("c", code)
                    .query(Integer.class).single() > 0;
            if (!used) {
                return code;
            }
        }
        throw new IllegalStateException("no free booking code after 10 attempts");
    }

    /** Until when this person (by ID number or mobile) may not book at the centre because of no-shows. */
    public Optional<Instant> bannedUntil(Centre c, String idNumber, String mobile) {
        Instant since = clock.instant().minus(rules.noShowBanWindow());
        List<Instant> noShows = jdbc.sql("""
                select no_show_at from q_appointment where centre_id = :c and status = 'NO_SHOW'
                and (id_number = :id or mobile = :m) and no_show_at > :since""")
                .param("c", c.id()).param("id", idNumber).param("m", mobile).param("since", Timestamp.from(since))
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class).toInstant()).list();
        return AppointmentRules.bannedUntil(noShows, clock.instant(), rules);
    }

    // ------------------------------------------------------------------------------------------------------- reading

    private static final String SELECT = """
            select a.*, s.starts_at, s.ends_at, sv.name as service_name, sv.code as service_code,
                t.number as ticket_number from q_appointment a
            join q_slot s on s.id = a.slot_id join q_service sv on sv.id = a.service_id
            left join q_ticket t on t.id = a.ticket_id""";

    public Optional<Booking> booking(long id) {
        return jdbc.sql(SELECT + " where a.id = :id").param("id", id).query(Appointments::booking).optional();
    }

    private Optional<Booking> byCode(String code) {
        return jdbc.sql(SELECT + " where a.code = :code").param("code", BookingCodes.normalize(code))
                .query(Appointments::booking).optional();
    }

    /**
     * The booking with this code, only when the mobile is the one it was booked with; a wrong mobile and an unknown
     * code both give empty, so the answer tells nothing about which codes exist.
     */
    public Optional<Booking> find(@Nullable String code, @Nullable String mobile) {
        if (!BookingCodes.isWellFormed(code) || !MobileNumber.isValid(mobile)) {
            return Optional.empty();
        }
        String m = MobileNumber.of(mobile).value();
        return byCode(code).filter(b -> b.mobile().equals(m));
    }

    /** The booking a ticket was issued for at check-in. */
    public Optional<Booking> bookingOfTicket(long ticketId) {
        return jdbc.sql(SELECT + " where a.ticket_id = :t").param("t", ticketId).query(Appointments::booking).optional();
    }

    /** The bookings of a centre's day, by slot. */
    public List<Booking> bookings(long centreId, LocalDate date) {
        return jdbc.sql(SELECT + " where a.centre_id = :c and a.slot_date = :d order by s.starts_at, a.booked_at, a.id")
                .param("c", centreId).param("d", date).query(Appointments::booking).list();
    }

    /** The staff view of a day: every service with appointments, its slots (generated when bookable) and bookings. */
    public List<ServiceDay> day(long centreId, LocalDate date) {
        Centre c = centre(centreId);
        sweep(c);
        Map<Long, List<Booking>> bySlot = new LinkedHashMap<>();
        for (Booking b : bookings(centreId, date)) {
            bySlot.computeIfAbsent(b.slotId(), k -> new ArrayList<>()).add(b);
        }
        List<ServiceDay> result = new ArrayList<>();
        for (QueueServices.ServiceView s : services.services(centreId)) {
            List<SlotView> slots = s.active() && s.appointments() ? slots(c, s, date) : readSlots(c, s.id(), date);
            if (slots.isEmpty() && !(s.active() && s.appointments())) {
                continue;
            }
            result.add(new ServiceDay(s, slots.stream()
                    .map(sl -> new SlotBookings(sl, bySlot.getOrDefault(sl.id(), List.of()))).toList()));
        }
        return result;
    }

    private static Booking booking(ResultSet rs, int row) throws SQLException {
        Long ticket = rs.getObject("ticket_id") == null ? null : rs.getLong("ticket_id");
        return new Booking(rs.getLong("id"), rs.getLong("centre_id"), rs.getLong("service_id"),
                rs.getString("service_code"), rs.getString("service_name"), rs.getLong("slot_id"),
                rs.getObject("slot_date", LocalDate.class), rs.getObject("starts_at", LocalTime.class),
                rs.getObject("ends_at", LocalTime.class), rs.getString("code"), rs.getString("applicant_name"),
                rs.getString("id_number"), rs.getString("mobile"), AppointmentStatus.valueOf(rs.getString("status")),
                instant(rs, "booked_at"), instantOrNull(rs, "cancelled_at"), instantOrNull(rs, "checked_in_at"), ticket,
                rs.getString("ticket_number"), rs.getBoolean("late"), instantOrNull(rs, "no_show_at"));
    }

    // ------------------------------------------------------------------------------------------------- cancellation

    /** Where the check-in of a booking stands now (too early, on time, late, expired). */
    public AppointmentRules.Timing timing(Booking b) {
        Centre c = centre(b.centreId());
        return AppointmentRules.timing(clock.instant(), instant(c, b.date(), b.startsAt()), instant(c, b.date(), b.endsAt()),
                rules);
    }

    /** The last moment this booking can be cancelled. */
    public Instant cancelDeadline(Booking b) {
        return AppointmentRules.cancelDeadline(start(b), rules);
    }

    public boolean cancellable(Booking b) {
        return b.status() == AppointmentStatus.BOOKED && AppointmentRules.cancellable(clock.instant(), start(b), rules);
    }

    /**
     * Cancels a booking by its code and the mobile it was booked with, until {@link QueueRules#cancelUntil()} before the
     * slot. An unknown code and a wrong mobile give the same 404; a booking no longer booked or too close to its slot
     * gives 409. The place goes back to the slot.
     */
    public Booking cancel(@Nullable String code, @Nullable String mobile, String actor) {
        Booking b = find(code, mobile).orElseThrow(() -> DomainException.notFound("queue.appt.notFound"));
        return cancel(b, actor);
    }

    private Booking cancel(Booking b, String actor) {
        if (b.status() != AppointmentStatus.BOOKED) {
            throw DomainException.conflict("queue.appt.cancel.notBooked");
        }
        Centre c = centre(b.centreId());
        Instant deadline = AppointmentRules.cancelDeadline(start(b), rules);
        if (clock.instant().isAfter(deadline)) {
            throw DomainException.conflict("queue.appt.cancel.tooLate", dateTime(c, deadline));
        }
        tx.executeWithoutResult(status -> {
            int changed = jdbc.sql("""
                    update q_appointment set status = 'CANCELLED', cancelled_at = :t, active_id_number = null,
                        active_mobile = null, changed_by = :by where id = :id and status = 'BOOKED'""")
                    .param("t", Timestamp.from(clock.instant())).param("by", actor).param("id", b.id()).update();
            if (changed == 0) {
                throw DomainException.conflict("queue.appt.cancel.notBooked");
            }
            jdbc.sql("update q_slot set booked = booked - 1 where id = :id and booked > 0").param("id", b.slotId()).update();
            history(b.centreId(), b.id(), "CANCEL", actor, null, null);
            audit.record(b.centreId(), ENTITY, b.code(), "CANCEL", auditState(b), auditState(booking(b.id()).orElseThrow()));
            events.publishEvent(new AppointmentCancelled(b.centreId(), b.id()));
        });
        return booking(b.id()).orElseThrow();
    }

    // ------------------------------------------------------------------------------------------------------ check-in

    /**
     * Checks a booking in at the kiosk (or staff on the applicant's behalf) and issues its ticket — the method the
     * kiosk page calls. {@code codeOrIdNumber} is the booking code (as printed, any case, dash optional) or the
     * applicant's ID number (then today's booking of that person at the centre whose check-in is open).
     *
     * <ul>
     *   <li>from {@link QueueRules#appointmentEarly()} before the slot until {@link QueueRules#appointmentGrace()}
     *       after its start: a ticket of channel APPOINTMENT and priority APPOINTMENT;</li>
     *   <li>later, until the slot's end plus the grace time: late — a ticket of priority ORDINARY, the booking marked
     *       late;</li>
     *   <li>earlier: 422 with the time check-in opens; later: the booking is recorded as a no-show, 409;</li>
     *   <li>unknown code, another centre's booking, or no booking today for the ID number: 404; a booking of another
     *       day: 422; cancelled or already checked in: 409.</li>
     * </ul>
     * The booking and the ticket are written in one transaction: when the desk refuses the ticket (hall closed),
     * nothing changes.
     *
     * @param actor the username, {@code device:ID} for a kiosk
     */
    public QueueDesk.IssuedTicket checkIn(long centreId, String codeOrIdNumber, String actor) {
        Centre c = centre(centreId);
        sweep(c);
        String input = codeOrIdNumber == null ? "" : codeOrIdNumber.strip();
        Booking b;
        if (BookingCodes.isWellFormed(input)) {
            b = byCode(input).filter(x -> x.centreId() == c.id())
                    .orElseThrow(() -> DomainException.notFound("queue.appt.checkIn.notFound"));
        } else if (ChineseIdNumber.isValid(input)) {
            b = todaysBookingOf(c, ChineseIdNumber.of(input).value());
        } else {
            throw DomainException.invalid("code", "queue.appt.checkIn.input");
        }
        return checkIn(c, b, actor);
    }

    /** Staff check a booking in on the applicant's behalf (the appointment page). */
    public QueueDesk.IssuedTicket checkIn(long centreId, long appointmentId, String actor) {
        Centre c = centre(centreId);
        sweep(c);
        Booking b = booking(appointmentId).filter(x -> x.centreId() == c.id())
                .orElseThrow(() -> DomainException.notFound("queue.appt.checkIn.notFound"));
        return checkIn(c, b, actor);
    }

    /** Today's booking of a person whose check-in is open (on time first, then late), else why not. */
    private Booking todaysBookingOf(Centre c, String idNumber) {
        Instant now = clock.instant();
        List<Booking> today = jdbc.sql(SELECT + " where a.centre_id = :c and a.id_number = :id and a.slot_date = :d"
                        + " order by s.starts_at").param("c", c.id()).param("id", idNumber).param("d", today(c))
                .query(Appointments::booking).list();
        List<Booking> booked = today.stream().filter(b -> b.status() == AppointmentStatus.BOOKED).toList();
        for (AppointmentRules.Timing wanted : List.of(AppointmentRules.Timing.ON_TIME, AppointmentRules.Timing.LATE,
                AppointmentRules.Timing.TOO_EARLY)) {
            for (Booking b : booked) {
                if (AppointmentRules.timing(now, instant(c, b.date(), b.startsAt()), instant(c, b.date(), b.endsAt()),
                        rules) == wanted) {
                    return b;
                }
            }
        }
        return today.stream().filter(b -> b.status() == AppointmentStatus.CHECKED_IN).findFirst()
                .orElseThrow(() -> DomainException.notFound("queue.appt.checkIn.notFound"));
    }

    private QueueDesk.IssuedTicket checkIn(Centre c, Booking b, String actor) {
        switch (b.status()) {
            case CHECKED_IN -> throw DomainException.conflict("queue.appt.checkIn.already");
            case CANCELLED -> throw DomainException.conflict("queue.appt.checkIn.cancelled");
            case NO_SHOW -> throw DomainException.conflict("queue.appt.checkIn.expired");
            case BOOKED -> {
                // go on
            }
        }
        if (!b.date().equals(today(c))) {
            throw DomainException.unprocessable("queue.appt.checkIn.otherDay", b.date().toString(),
                    b.startsAt().format(HM));
        }
        Instant now = clock.instant();
        Instant start = instant(c, b.date(), b.startsAt());
        AppointmentRules.Timing timing = AppointmentRules.timing(now, start, instant(c, b.date(), b.endsAt()), rules);
        switch (timing) {
            case TOO_EARLY -> throw DomainException.unprocessable("queue.appt.checkIn.tooEarly",
                    b.startsAt().format(HM) + "–" + b.endsAt().format(HM),
                    LocalTime.ofInstant(AppointmentRules.checkInOpens(start, rules), c.zone()).format(HM));
            case EXPIRED -> {
                sweep(c);
                throw DomainException.conflict("queue.appt.checkIn.expired");
            }
            case ON_TIME, LATE -> {
                // go on
            }
        }
        boolean late = timing == AppointmentRules.Timing.LATE;
        QueueDesk.IssuedTicket issued = tx.execute(status -> {
            int changed = jdbc.sql("""
                    update q_appointment set status = 'CHECKED_IN', checked_in_at = :t, late = :late, changed_by = :by
                    where id = :id and status = 'BOOKED'""")
                    .param("t", Timestamp.from(now)).param("late", late).param("by", actor).param("id", b.id()).update();
            if (changed == 0) {
                throw DomainException.conflict("queue.appt.checkIn.already");
            }
            QueueDesk.IssuedTicket t = desk.issue(new QueueDesk.IssueRequest(c.id(), b.serviceId(),
                    TicketChannel.APPOINTMENT, late ? PriorityClass.ORDINARY : PriorityClass.APPOINTMENT, null, b.name(),
                    b.mobile(), b.id(), List.of()), actor);
            jdbc.sql("update q_appointment set ticket_id = :t where id = :id").param("t", t.ticket().id())
                    .param("id", b.id()).update();
            history(c.id(), b.id(), late ? "CHECK_IN_LATE" : "CHECK_IN", actor, t.ticket().id(), t.ticket().number());
            audit.record(c.id(), ENTITY, b.code(), late ? "CHECK_IN_LATE" : "CHECK_IN", auditState(b),
                    auditState(booking(b.id()).orElseThrow()));
            return t;
        });
        return java.util.Objects.requireNonNull(issued);
    }

    // ------------------------------------------------------------------------------------------------------ no-show

    /**
     * Staff mark a booking as a no-show (未到) once its check-in is no longer on time (from the grace time after the slot
     * start); the sweep would do so by itself at the end of the slot plus the grace time.
     */
    public Booking markNoShow(long centreId, long appointmentId, String actor) {
        Centre c = centre(centreId);
        Booking b = booking(appointmentId).filter(x -> x.centreId() == c.id())
                .orElseThrow(() -> DomainException.notFound("queue.appt.notFound"));
        if (b.status() != AppointmentStatus.BOOKED) {
            throw DomainException.conflict("queue.appt.noShow.notBooked");
        }
        Instant now = clock.instant();
        Instant notBefore = instant(c, b.date(), b.startsAt()).plus(rules.appointmentGrace());
        if (now.isBefore(notBefore)) {
            throw DomainException.conflict("queue.appt.noShow.tooEarly", dateTime(c, notBefore));
        }
        tx.executeWithoutResult(status -> {
            if (!noShow(b, now, actor)) {
                throw DomainException.conflict("queue.appt.noShow.notBooked");
            }
        });
        return booking(b.id()).orElseThrow();
    }

    /** Marks one booking NO_SHOW if it is still BOOKED; in the caller's transaction. */
    private boolean noShow(Booking b, Instant at, String actor) {
        int changed = jdbc.sql("""
                update q_appointment set status = 'NO_SHOW', no_show_at = :t, active_id_number = null,
                    active_mobile = null, changed_by = :by where id = :id and status = 'BOOKED'""")
                .param("t", Timestamp.from(at)).param("by", actor).param("id", b.id()).update();
        if (changed == 0) {
            return false;
        }
        history(b.centreId(), b.id(), "NO_SHOW", actor, null, null);
        audit.record(b.centreId(), ENTITY, b.code(), "NO_SHOW", auditState(b), auditState(booking(b.id()).orElseThrow()));
        return true;
    }

    /**
     * The no-show sweep of a centre: every booking still BOOKED whose slot ended more than the grace time ago becomes
     * NO_SHOW, dated at that moment (so the ban counts it the same whenever the sweep ran). One transaction.
     *
     * @return how many bookings it marked
     */
    public int sweep(Centre c) {
        Instant now = clock.instant();
        List<Booking> open = jdbc.sql(SELECT + " where a.centre_id = :c and a.status = 'BOOKED' and a.slot_date <= :d")
                .param("c", c.id()).param("d", today(c)).query(Appointments::booking).list();
        List<Booking> due = open.stream()
                .filter(b -> now.isAfter(AppointmentRules.noShowAt(instant(c, b.date(), b.endsAt()), rules))).toList();
        if (due.isEmpty()) {
            return 0;
        }
        Integer marked = tx.execute(status -> {
            int n = 0;
            for (Booking b : due) {
                if (noShow(b, AppointmentRules.noShowAt(instant(c, b.date(), b.endsAt()), rules), SYSTEM)) {
                    n++;
                }
            }
            return n;
        });
        return marked == null ? 0 : marked;
    }

    /** The scheduled sweep of every centre with open bookings up to today (multi-node safe: see {@link #sweep}). */
    @Scheduled(cron = "${openhall.queue.appointments.sweep-cron:0 */5 * * * *}")
    void scheduledSweep() {
        if (properties.sweepEnabled()) {
            sweepAll();
        }
    }

    public int sweepAll() {
        // the latest "today" of any zone is at most a day after UTC's
        LocalDate upTo = LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC).plusDays(1);
        List<Long> centres = jdbc.sql("select distinct centre_id from q_appointment where status = 'BOOKED' and slot_date <= :d")
                .param("d", upTo).query(Long.class).list();
        int n = 0;
        for (long id : centres) {
            try {
                n += sweep(centre(id));
            } catch (RuntimeException e) {
                log.warn("appointment no-show sweep of centre {} failed: {}", id, e.toString());
            }
        }
        return n;
    }

    // ------------------------------------------------------------------------------------------------------- history

    /** The recorded changes of a booking, oldest first. */
    public record HistoryEntry(String action, String actor, @Nullable Long ticketId, @Nullable String note, Instant at) {
    }

    public List<HistoryEntry> history(long appointmentId) {
        return jdbc.sql("select * from q_appointment_history where appointment_id = :id order by id")
                .param("id", appointmentId)
                .query((rs, n) -> new HistoryEntry(rs.getString("action"), rs.getString("actor"),
                        rs.getObject("ticket_id") == null ? null : rs.getLong("ticket_id"), rs.getString("note"),
                        instant(rs, "happened_at"))).list();
    }

    private void history(long centreId, long appointmentId, String action, String actor, @Nullable Long ticketId,
            @Nullable String note) {
        jdbc.sql("""
                insert into q_appointment_history (centre_id, appointment_id, action, actor, ticket_id, note, happened_at)
                values (:c, :a, :action, :actor, :t, :note, :at)""")
                .param("c", centreId).param("a", appointmentId).param("action", action).param("actor", actor)
                .param("t", ticketId).param("note", note).param("at", Timestamp.from(clock.instant())).update();
    }

    /** The audit trail's view of a booking: personal data masked (SEC-2). */
    private static Map<String, Object> auditState(Booking b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", b.code());
        m.put("serviceId", b.serviceId());
        m.put("slotId", b.slotId());
        m.put("date", b.date().toString());
        m.put("startsAt", b.startsAt().toString());
        m.put("name", b.maskedName());
        m.put("idNumber", b.maskedIdNumber());
        m.put("mobile", b.maskedMobile());
        m.put("status", b.status().name());
        m.put("late", b.late());
        if (b.ticketId() != null) {
            m.put("ticketId", b.ticketId());
        }
        return m;
    }

    // ---------------------------------------------------------------------------------------------------------- time

    public Instant start(Booking b) {
        return instant(centre(b.centreId()), b.date(), b.startsAt());
    }

    public static Instant instant(Centre c, LocalDate date, LocalTime time) {
        return date.atTime(time).atZone(c.zone()).toInstant();
    }

    private static String dateTime(Centre c, Instant t) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(t.atZone(c.zone()));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static @Nullable Instant instantOrNull(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
