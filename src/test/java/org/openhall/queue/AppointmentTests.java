package org.openhall.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhall.organization.OrgFixture;
import org.openhall.organization.OrganizationCommands;
import org.openhall.queue.AppointmentFixture.Hall;
import org.openhall.queue.AppointmentFixture.Person;
import org.openhall.queue.internal.Appointments;
import org.openhall.queue.internal.Devices;
import org.openhall.queue.internal.QueueDesk;
import org.openhall.queue.internal.QueueServices;
import org.openhall.security.UserAccounts;
import org.openhall.shared.DomainException;
import org.openhall.test.Http;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Q-7 appointments against the database (H2 by default, PostgreSQL with {@code -Ddb=postgresql}): slots generated from
 * the calendar and opening hours, booking with the capacity held under concurrency, one active booking per person,
 * cancellation and its deadline, check-in on time (priority ticket), late (ordinary ticket) and after the slot
 * (no-show), the no-show sweep and ban, capacity changes, and the public API with its problems and rate limits.
 *
 * <p>The hall's clock starts on Monday 2026-09-28 10:00 in Asia/Shanghai; Oct 1–7 are the National Day holidays, Oct 10
 * (Saturday) an adjusted working day.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "openhall.queue.close-day.enabled=false")
@Import(QueueFixture.Config.class)
class AppointmentTests {

    static final LocalDate MON = LocalDate.of(2026, 9, 28);
    static final LocalDate TUE = LocalDate.of(2026, 9, 29);
    static final LocalDate WED = LocalDate.of(2026, 9, 30);
    static final LocalTime TEN = LocalTime.of(10, 0);

    private static final AtomicInteger IP = new AtomicInteger();

    @Autowired
    OrganizationCommands org;

    @Autowired
    UserAccounts accounts;

    @Autowired
    QueueServices services;

    @Autowired
    QueueDesk desk;

    @Autowired
    Appointments appointments;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Devices devices;

    @Autowired
    WebApplicationContext context;

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    MockMvc mvc;
    Hall h;

    @BeforeEach
    void setUp() {
        QueueFixture.CLOCK.set(QueueFixture.OPEN);
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        h = AppointmentFixture.create(org, accounts, services, appointments, 5);
    }

    static void at(LocalDate date, LocalTime time) {
        QueueFixture.CLOCK.set(date.atTime(time).atZone(java.time.ZoneId.of("Asia/Shanghai")).toInstant());
    }

    static String freshIp() {
        int n = IP.incrementAndGet();
        return "10.7." + (n / 250) + "." + (n % 250 + 1);
    }

    int count(String sql, Object... params) {
        var spec = jdbc.sql(sql);
        for (int i = 0; i < params.length; i++) {
            spec = spec.param(i + 1, params[i]);
        }
        return spec.query(Integer.class).single();
    }

    Appointments.SlotView slot(LocalDate date, LocalTime start) {
        return AppointmentFixture.slot(appointments, h, date, start);
    }

    Appointments.Booking book(LocalDate date, LocalTime start, Person p) {
        return AppointmentFixture.book(appointments, h, slot(date, start), p);
    }

    static DomainException refused(Runnable r) {
        try {
            r.run();
        } catch (DomainException e) {
            return e;
        }
        throw new AssertionError("expected a refusal");
    }

    // ------------------------------------------------------------------------------------------------------ slots

    @Test
    void slotsAreMadeFromTheOpeningHoursOnWorkingDaysOnlyOnceAndLazily() {
        assertThat(count("select count(*) from q_slot where service_id = ?", h.service().id())).isZero();
        List<Appointments.SlotView> tue = appointments.slots(h.centre(), h.service(), TUE);
        assertThat(tue).hasSize(18).allSatisfy(s -> {
            assertThat(s.capacity()).isEqualTo(5);
            assertThat(s.booked()).isZero();
        });
        assertThat(tue.getFirst().startsAt()).isEqualTo(LocalTime.of(8, 30));
        assertThat(tue.getLast().endsAt()).isEqualTo(LocalTime.of(17, 30));
        // reading again makes nothing new
        assertThat(appointments.slots(h.centre(), h.service(), TUE)).extracting(Appointments.SlotView::id)
                .containsExactlyElementsOf(tue.stream().map(Appointments.SlotView::id).toList());
        assertThat(count("select count(*) from q_slot where service_id = ?", h.service().id())).isEqualTo(18);
        // a holiday has no slots
        assertThat(appointments.slots(h.centre(), h.service(), LocalDate.of(2026, 10, 2))).isEmpty();
        // today's slots that started are shown but not bookable
        List<Appointments.SlotView> today = appointments.slots(h.centre(), h.service(), MON);
        assertThat(today.stream().filter(Appointments.SlotView::started).map(Appointments.SlotView::startsAt))
                .contains(LocalTime.of(8, 30), LocalTime.of(9, 30), TEN).doesNotContain(LocalTime.of(10, 30));
        assertThat(today.stream().filter(Appointments.SlotView::bookable)).hasSize(14);
    }

    @Test
    void theDaysOfTheHorizonFollowTheCalendar() {
        List<LocalDate> days = appointments.days(h.centre(), h.service()).stream().map(Appointments.DayView::date).toList();
        assertThat(days).containsExactly(MON, TUE, WED, LocalDate.of(2026, 10, 8), LocalDate.of(2026, 10, 9),
                LocalDate.of(2026, 10, 10), LocalDate.of(2026, 10, 12));
        // the centre office generates the whole horizon at once; nothing twice
        int before = count("select count(*) from q_slot where centre_id = ?", h.centreId());
        assertThat(before).isEqualTo(7 * 18);
        assertThat(appointments.generate(h.centreId(), "t-office")).isZero();
        assertThat(count("select count(*) from audit_log where entity_type = 'AppointmentSlot' and centre_id = ?",
                h.centreId())).isEqualTo(1);
    }

    @Test
    void theOfficeGeneratesTheHorizonAndChangesACapacityNeverBelowTheBooked() {
        assertThat(appointments.generate(h.centreId(), "t-office")).isEqualTo(7 * 18);
        Appointments.SlotView s = slot(TUE, TEN);
        book(TUE, TEN, AppointmentFixture.person());
        book(TUE, TEN, AppointmentFixture.person());
        DomainException e = refused(() -> appointments.changeCapacity(h.centreId(), s.id(), 1, "t-office"));
        assertThat(e.kind()).isEqualTo(DomainException.Kind.CONFLICT);
        assertThat(e.messageKey()).isEqualTo("queue.appt.capacity.belowBooked");
        assertThat(refused(() -> appointments.changeCapacity(h.centreId(), s.id(), -1, "t-office")).kind())
                .isEqualTo(DomainException.Kind.INVALID);
        assertThat(slot(TUE, TEN).capacity()).isEqualTo(5);
        assertThat(appointments.changeCapacity(h.centreId(), s.id(), 2, "t-office").capacity()).isEqualTo(2);
        assertThat(count("select count(*) from audit_log where entity_type = 'AppointmentSlot' and entity_id = ?"
                + " and action = 'UPDATE'", String.valueOf(s.id()))).isEqualTo(1);
        // now full: a third booking is refused
        assertThat(refused(() -> book(TUE, TEN, AppointmentFixture.person())).messageKey()).isEqualTo("queue.appt.slot.full");
        // generating again keeps the changed capacity
        appointments.generate(h.centreId(), "t-office");
        assertThat(slot(TUE, TEN).capacity()).isEqualTo(2);
    }

    // ---------------------------------------------------------------------------------------------------- booking

    @Test
    void aBookingTakesAPlaceGetsACodeIsRecordedAndTheCodeGoesOutBySms() throws Exception {
        Person p = AppointmentFixture.person();
        Appointments.Booking b = book(TUE, TEN, p);
        assertThat(b.code()).matches("[A-HJKMNP-Z2-9]{8}");
        assertThat(b.status()).isEqualTo(AppointmentStatus.BOOKED);
        assertThat(b.name()).isEqualTo(p.name());
        assertThat(b.serviceName()).isEqualTo("预约办理");
        assertThat(slot(TUE, TEN).booked()).isEqualTo(1);
        assertThat(appointments.history(b.id())).extracting(Appointments.HistoryEntry::action).containsExactly("BOOK");
        String audit = jdbc.sql("select after_state from audit_log where entity_type = 'Appointment' and entity_id = :c")
                .param("c", b.code()).query(String.class).single();
        assertThat(audit).contains(b.code()).doesNotContain(p.idNumber(), p.mobile());
        // the SMS goes out after commit (no provider configured here: recorded as SKIPPED, never in the way)
        String body = awaitSms(p.mobile());
        assertThat(body).contains(BookingCodeDisplay.of(b.code()), "预约办理", "2026-09-29", "10:00", "09:30");
        assertThat(appointments.find(b.code(), p.mobile())).contains(b);
        assertThat(appointments.find(b.code().toLowerCase(), "+86 " + p.mobile())).as("typed in any form").isPresent();
    }

    /** The SMS text the notifications recorded for a mobile (sent asynchronously after commit). */
    String awaitSms(String mobile) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            List<String> bodies = jdbc.sql("select body from ntf_delivery where channel = 'SMS' and recipient = :m order by id")
                    .param("m", mobile).query(String.class).list();
            if (!bodies.isEmpty()) {
                return bodies.getLast();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no SMS to " + mobile);
    }

    static final class BookingCodeDisplay {
        static String of(String code) {
            return code.substring(0, 4) + "-" + code.substring(4);
        }
    }

    @Test
    void badInputIsRefusedAndNothingIsWritten() {
        Appointments.SlotView s = slot(TUE, TEN);
        Person p = AppointmentFixture.person();
        String wrongId = p.idNumber().substring(0, 17) + (p.idNumber().charAt(17) == '1' ? '2' : '1');
        assertThat(refused(() -> appointments.book(new Appointments.BookingRequest(h.centreId(), s.id(), p.name(), wrongId,
                p.mobile()), "online"))).satisfies(e -> {
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID);
                    assertThat(e.field()).isEqualTo("idNumber");
                    assertThat(e.messageKey()).isEqualTo("shared.idNumber.checksum");
                });
        assertThat(refused(() -> appointments.book(new Appointments.BookingRequest(h.centreId(), s.id(), p.name(),
                p.idNumber(), "12345"), "online")).field()).isEqualTo("mobile");
        assertThat(refused(() -> appointments.book(new Appointments.BookingRequest(h.centreId(), s.id(), " ",
                p.idNumber(), p.mobile()), "online")).field()).isEqualTo("name");
        assertThat(refused(() -> appointments.book(new Appointments.BookingRequest(h.centreId(), 987654321L, p.name(),
                p.idNumber(), p.mobile()), "online")).kind()).isEqualTo(DomainException.Kind.NOT_FOUND);
        // a slot that has started
        Appointments.SlotView started = slot(MON, LocalTime.of(9, 30));
        assertThat(refused(() -> AppointmentFixture.book(appointments, h, started, p)).messageKey())
                .isEqualTo("queue.appt.slot.started");
        assertThat(count("select count(*) from q_appointment where centre_id = ?", h.centreId())).isZero();
        assertThat(count("select coalesce(sum(booked), 0) from q_slot where centre_id = ?", h.centreId())).isZero();
    }

    @Test
    void onePersonHasOneActiveBookingPerServiceAndDay() {
        Person p = AppointmentFixture.person();
        Appointments.Booking first = book(TUE, TEN, p);
        // the same ID number with another mobile, or the same mobile for another person: refused
        Person sameId = new Person(p.name(), p.idNumber(), AppointmentFixture.person().mobile());
        Person sameMobile = new Person("王五", AppointmentFixture.person().idNumber(), p.mobile());
        assertThat(refused(() -> book(TUE, LocalTime.of(14, 0), sameId)).messageKey()).isEqualTo("queue.appt.alreadyBooked");
        assertThat(refused(() -> book(TUE, LocalTime.of(14, 0), sameMobile)).messageKey()).isEqualTo("queue.appt.alreadyBooked");
        assertThat(slot(TUE, LocalTime.of(14, 0)).booked()).isZero();
        // another day is fine
        book(WED, TEN, p);
        // after a cancellation the person may book that day again
        appointments.cancel(first.code(), p.mobile(), "online");
        assertThat(book(TUE, LocalTime.of(14, 0), p).status()).isEqualTo(AppointmentStatus.BOOKED);
    }

    @Test
    void twentyConcurrentBookingsOfFivePlacesGiveExactlyFive() throws Exception {
        Appointments.SlotView s = slot(TUE, TEN);
        int threads = 20;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<String>> results = new ArrayList<>();
        try {
            CountDownLatch ready = new CountDownLatch(threads);
            CountDownLatch go = new CountDownLatch(1);
            for (int i = 0; i < threads; i++) {
                Person p = AppointmentFixture.person();
                Callable<String> task = () -> {
                    ready.countDown();
                    go.await();
                    try {
                        return AppointmentFixture.book(appointments, h, s, p).code();
                    } catch (DomainException e) {
                        return "refused:" + e.messageKey();
                    }
                };
                results.add(pool.submit(task));
            }
            assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            List<String> outcomes = new ArrayList<>();
            for (Future<String> f : results) {
                outcomes.add(f.get(60, TimeUnit.SECONDS));
            }
            assertThat(outcomes.stream().filter(o -> !o.startsWith("refused:"))).hasSize(5).doesNotHaveDuplicates();
            assertThat(outcomes.stream().filter(o -> o.startsWith("refused:"))).hasSize(15)
                    .allMatch(o -> o.equals("refused:queue.appt.slot.full"));
        } finally {
            pool.shutdownNow();
        }
        assertThat(slot(TUE, TEN).booked()).isEqualTo(5);
        assertThat(count("select count(*) from q_appointment where slot_id = ?", s.id())).isEqualTo(5);
    }

    // ----------------------------------------------------------------------------------------------- cancellation

    @Test
    void aBookingIsCancelledWithItsCodeAndMobileUntilAnHourBefore() {
        Person p = AppointmentFixture.person();
        Appointments.Booking b = book(TUE, TEN, p);
        // a wrong mobile answers exactly like an unknown code
        DomainException wrongMobile = refused(() -> appointments.cancel(b.code(), "13900000000", "online"));
        DomainException unknown = refused(() -> appointments.cancel("ABCDEFGH", p.mobile(), "online"));
        assertThat(wrongMobile.kind()).isEqualTo(DomainException.Kind.NOT_FOUND);
        assertThat(wrongMobile.messageKey()).isEqualTo(unknown.messageKey()).isEqualTo("queue.appt.notFound");
        assertThat(appointments.find(b.code(), "13900000000")).isEmpty();

        at(TUE, LocalTime.of(9, 0));
        Appointments.Booking c = appointments.cancel(b.code(), p.mobile(), "online");
        assertThat(c.status()).isEqualTo(AppointmentStatus.CANCELLED);
        assertThat(c.cancelledAt()).isNotNull();
        assertThat(slot(TUE, TEN).booked()).as("the place goes back").isZero();
        assertThat(appointments.history(b.id())).extracting(Appointments.HistoryEntry::action).containsExactly("BOOK", "CANCEL");
        assertThat(refused(() -> appointments.cancel(b.code(), p.mobile(), "online")).messageKey())
                .isEqualTo("queue.appt.cancel.notBooked");

        Person q = AppointmentFixture.person();
        Appointments.Booking late = book(TUE, LocalTime.of(11, 0), q);
        at(TUE, LocalTime.of(10, 1));
        DomainException tooLate = refused(() -> appointments.cancel(late.code(), q.mobile(), "online"));
        assertThat(tooLate.kind()).isEqualTo(DomainException.Kind.CONFLICT);
        assertThat(tooLate.messageKey()).isEqualTo("queue.appt.cancel.tooLate");
        assertThat(appointments.booking(late.id()).orElseThrow().status()).isEqualTo(AppointmentStatus.BOOKED);
    }

    // --------------------------------------------------------------------------------------------------- check-in

    @Test
    void checkInOnTimeIssuesAPriorityAppointmentTicketOnce() {
        Person p = AppointmentFixture.person();
        Appointments.Booking b = book(TUE, TEN, p);
        at(TUE, LocalTime.of(9, 29));
        DomainException early = refused(() -> appointments.checkIn(h.centreId(), b.code(), "device:1"));
        assertThat(early.kind()).isEqualTo(DomainException.Kind.UNPROCESSABLE);
        assertThat(early.messageKey()).isEqualTo("queue.appt.checkIn.tooEarly");
        assertThat(early.args()).contains("09:30");

        at(TUE, LocalTime.of(9, 40));
        QueueDesk.IssuedTicket t = appointments.checkIn(h.centreId(), BookingCodeDisplay.of(b.code()).toLowerCase(), "device:1");
        assertThat(t.ticket().channel()).isEqualTo(TicketChannel.APPOINTMENT);
        assertThat(t.ticket().priority()).isEqualTo(PriorityClass.APPOINTMENT);
        assertThat(t.ticket().serviceId()).isEqualTo(h.service().id());
        assertThat(t.ticket().number()).startsWith("C");
        Appointments.Booking after = appointments.booking(b.id()).orElseThrow();
        assertThat(after.status()).isEqualTo(AppointmentStatus.CHECKED_IN);
        assertThat(after.late()).isFalse();
        assertThat(after.ticketId()).isEqualTo(t.ticket().id());
        assertThat(after.ticketNumber()).isEqualTo(t.ticket().number());
        assertThat(count("select count(*) from q_ticket where appointment_id = ?", b.id())).isEqualTo(1);
        assertThat(appointments.history(b.id())).extracting(Appointments.HistoryEntry::action).containsExactly("BOOK", "CHECK_IN");

        DomainException twice = refused(() -> appointments.checkIn(h.centreId(), b.code(), "device:1"));
        assertThat(twice.kind()).isEqualTo(DomainException.Kind.CONFLICT);
        assertThat(twice.messageKey()).isEqualTo("queue.appt.checkIn.already");
        assertThat(count("select count(*) from q_ticket where appointment_id = ?", b.id())).isEqualTo(1);
    }

    @Test
    void checkInAfterTheGraceTimeIsLateAndGetsAnOrdinaryTicket() {
        Person p = AppointmentFixture.person();
        Appointments.Booking b = book(TUE, TEN, p);
        at(TUE, LocalTime.of(10, 20));
        // by ID number: today's booking of that person
        QueueDesk.IssuedTicket t = appointments.checkIn(h.centreId(), p.idNumber(), "device:1");
        assertThat(t.ticket().priority()).isEqualTo(PriorityClass.ORDINARY);
        assertThat(t.ticket().channel()).isEqualTo(TicketChannel.APPOINTMENT);
        Appointments.Booking after = appointments.booking(b.id()).orElseThrow();
        assertThat(after.late()).isTrue();
        assertThat(after.status()).isEqualTo(AppointmentStatus.CHECKED_IN);
        assertThat(appointments.history(b.id()).getLast().action()).isEqualTo("CHECK_IN_LATE");
    }

    @Test
    void aBookingOfAnotherDayOrAnotherCentreIsNotCheckedIn() {
        Person p = AppointmentFixture.person();
        Appointments.Booking b = book(WED, TEN, p);
        at(TUE, TEN);
        assertThat(refused(() -> appointments.checkIn(h.centreId(), b.code(), "device:1")).messageKey())
                .isEqualTo("queue.appt.checkIn.otherDay");
        Hall other = AppointmentFixture.create(org, accounts, services, appointments, 5);
        assertThat(refused(() -> appointments.checkIn(other.centreId(), b.code(), "device:1")).kind())
                .isEqualTo(DomainException.Kind.NOT_FOUND);
        assertThat(refused(() -> appointments.checkIn(h.centreId(), "not-a-code", "device:1")).kind())
                .isEqualTo(DomainException.Kind.INVALID);
        assertThat(count("select count(*) from q_ticket where appointment_id = ?", b.id())).isZero();
    }

    @Test
    void nobodyCheckedInByTheSlotEndPlusGraceIsANoShowAndThreeBanOnlineBooking() {
        Person p = AppointmentFixture.person();
        Appointments.Booking mon = book(MON, LocalTime.of(14, 0), p);
        Appointments.Booking tue = book(TUE, TEN, p);
        Appointments.Booking wed = book(WED, TEN, p);
        // Tuesday 10:45 (the 10:00–10:30 slot + 15 minutes): still late, not a no-show
        at(TUE, LocalTime.of(10, 45));
        assertThat(appointments.sweep(h.centre())).as("Monday's booking").isEqualTo(1);
        assertThat(appointments.booking(tue.id()).orElseThrow().status()).isEqualTo(AppointmentStatus.BOOKED);
        at(TUE, LocalTime.of(10, 46));
        DomainException expired = refused(() -> appointments.checkIn(h.centreId(), tue.code(), "device:1"));
        assertThat(expired.messageKey()).isEqualTo("queue.appt.checkIn.expired");
        Appointments.Booking noShow = appointments.booking(tue.id()).orElseThrow();
        assertThat(noShow.status()).isEqualTo(AppointmentStatus.NO_SHOW);
        assertThat(noShow.noShowAt()).as("dated at the end of the slot plus the grace time")
                .isEqualTo(Instant.parse("2026-09-29T02:45:00Z"));
        assertThat(appointments.history(mon.id()).getLast()).satisfies(e -> {
            assertThat(e.action()).isEqualTo("NO_SHOW");
            assertThat(e.actor()).isEqualTo("system");
        });
        // a second sweep (another node, the scheduler) records nothing twice
        appointments.sweepAll();
        assertThat(appointments.sweep(h.centre())).isZero();
        assertThat(count("select count(*) from q_appointment_history where centre_id = ? and action = 'NO_SHOW'",
                h.centreId())).isEqualTo(2);
        // after Wednesday's no-show, the third, online booking stops for 30 days after it
        at(LocalDate.of(2026, 10, 8), TEN);
        Appointments.SlotView oct9 = slot(LocalDate.of(2026, 10, 9), TEN);
        DomainException banned = refused(() -> AppointmentFixture.book(appointments, h, oct9, p));
        assertThat(banned.kind()).isEqualTo(DomainException.Kind.FORBIDDEN);
        assertThat(banned.messageKey()).isEqualTo("queue.appt.banned");
        assertThat(banned.args()).contains("2026-10-30");
        assertThat(appointments.booking(wed.id()).orElseThrow().status()).isEqualTo(AppointmentStatus.NO_SHOW);
        assertThat(slot(LocalDate.of(2026, 10, 9), TEN).booked()).isZero();
        // someone else books as usual
        assertThat(AppointmentFixture.book(appointments, h, oct9, AppointmentFixture.person()).status())
                .isEqualTo(AppointmentStatus.BOOKED);
    }

    @Test
    void staffMarkANoShowOnlyAfterTheGraceTime() {
        Person p = AppointmentFixture.person();
        Appointments.Booking b = book(TUE, TEN, p);
        at(TUE, LocalTime.of(10, 10));
        assertThat(refused(() -> appointments.markNoShow(h.centreId(), b.id(), "t-office")).messageKey())
                .isEqualTo("queue.appt.noShow.tooEarly");
        at(TUE, LocalTime.of(10, 16));
        Appointments.Booking n = appointments.markNoShow(h.centreId(), b.id(), "t-office");
        assertThat(n.status()).isEqualTo(AppointmentStatus.NO_SHOW);
        assertThat(appointments.history(b.id()).getLast().actor()).isEqualTo("t-office");
        // the person may book the service again that day (the no-show holds no place)
        assertThat(book(TUE, LocalTime.of(15, 0), p).status()).isEqualTo(AppointmentStatus.BOOKED);
    }

    // -------------------------------------------------------------------------------------------------------- API

    MockHttpServletResponse call(MockHttpServletRequestBuilder r, String ip) throws Exception {
        return mvc.perform(r.with(req -> {
            req.setRemoteAddr(ip);
            return req;
        })).andReturn().getResponse();
    }

    static String bookJson(long slotId, Person p) {
        return "{\"slotId\":%d,\"name\":\"%s\",\"idNumber\":\"%s\",\"mobile\":\"%s\"}".formatted(slotId, p.name(),
                p.idNumber(), p.mobile());
    }

    @Test
    void theApiListsSlotsBooksAndRefusesAFullSlotWithA409InChinese() throws Exception {
        String base = "/api/v1/public/centres/" + h.org().code();
        MockHttpServletResponse days = call(get(base + "/appointment-slots").param("service", "YY"), freshIp());
        assertThat(days.getStatus()).isEqualTo(200);
        assertThat(days.getContentAsString()).contains("\"date\":\"2026-10-10\"").doesNotContain("2026-10-02");
        MockHttpServletResponse slots = call(get(base + "/appointment-slots").param("service", "YY")
                .param("date", "2026-09-29"), freshIp());
        assertThat(slots.getStatus()).isEqualTo(200);
        assertThat(slots.getContentAsString()).contains("\"startsAt\":\"10:00:00\"", "\"remaining\":5");

        Appointments.SlotView s = slot(TUE, TEN);
        appointments.changeCapacity(h.centreId(), s.id(), 1, "t-office");
        Person p = AppointmentFixture.person();
        MockHttpServletResponse ok = call(post(base + "/appointments").contentType(MediaType.APPLICATION_JSON)
                .content(bookJson(s.id(), p)), freshIp());
        assertThat(ok.getStatus()).isEqualTo(201);
        assertThat(ok.getContentAsString()).contains("\"status\":\"BOOKED\"", "\"startsAt\":\"10:00:00\"",
                "\"cancelUntil\":\"2026-09-29T09:00:00\"").doesNotContain(p.idNumber(), p.mobile(), p.name());

        int before = count("select count(*) from q_appointment where centre_id = ?", h.centreId());
        int history = count("select count(*) from q_appointment_history where centre_id = ?", h.centreId());
        MockHttpServletResponse full = call(post(base + "/appointments").contentType(MediaType.APPLICATION_JSON)
                .content(bookJson(s.id(), AppointmentFixture.person())), freshIp());
        assertThat(full.getStatus()).isEqualTo(409);
        assertThat(full.getContentType()).startsWith("application/problem+json");
        assertThat(full.getContentAsString()).contains("\"detail\":\"该时段（10:00–10:30）已约满，请选择其他时段\"",
                "urn:openhall:problem:conflict");
        assertThat(count("select count(*) from q_appointment where centre_id = ?", h.centreId())).isEqualTo(before);
        assertThat(count("select count(*) from q_appointment_history where centre_id = ?", h.centreId())).isEqualTo(history);
        assertThat(slot(TUE, TEN).booked()).isEqualTo(1);

        MockHttpServletResponse bad = call(post(base + "/appointments").contentType(MediaType.APPLICATION_JSON)
                .content(bookJson(s.id(), new Person("张三", "110105198001010000", "13800138000"))), freshIp());
        assertThat(bad.getStatus()).isEqualTo(400);
        assertThat(bad.getContentAsString()).contains("\"field\":\"idNumber\"");
        assertThat(call(get(base + "/appointment-slots").param("service", "NOPE"), freshIp()).getStatus()).isEqualTo(404);
    }

    @Test
    void theApiLooksUpAndCancelsWithTheSameAnswerForAWrongMobileAndAnUnknownCode() throws Exception {
        Person p = AppointmentFixture.person();
        Appointments.Booking b = book(TUE, TEN, p);
        MockHttpServletResponse found = call(get("/api/v1/public/appointments/" + b.displayCode()).param("mobile", p.mobile()),
                freshIp());
        assertThat(found.getStatus()).isEqualTo(200);
        assertThat(found.getContentAsString()).contains("\"code\":\"" + b.displayCode() + "\"", "\"status\":\"BOOKED\"")
                .doesNotContain(p.mobile(), p.idNumber());
        MockHttpServletResponse wrongMobile = call(delete("/api/v1/public/appointments/" + b.code())
                .param("mobile", "13900000000"), freshIp());
        MockHttpServletResponse unknown = call(delete("/api/v1/public/appointments/ABCDEFGH").param("mobile", p.mobile()),
                freshIp());
        assertThat(wrongMobile.getStatus()).isEqualTo(404).isEqualTo(unknown.getStatus());
        assertThat(wrongMobile.getContentAsString()).isEqualTo(unknown.getContentAsString());
        assertThat(appointments.booking(b.id()).orElseThrow().status()).isEqualTo(AppointmentStatus.BOOKED);
        MockHttpServletResponse cancelled = call(delete("/api/v1/public/appointments/" + b.code())
                .param("mobile", p.mobile()), freshIp());
        assertThat(cancelled.getStatus()).isEqualTo(200);
        assertThat(cancelled.getContentAsString()).contains("\"status\":\"CANCELLED\"");
        MockHttpServletResponse again = call(delete("/api/v1/public/appointments/" + b.code())
                .param("mobile", p.mobile()), freshIp());
        assertThat(again.getStatus()).isEqualTo(409);
        assertThat(again.getContentAsString()).contains("该预约已取消");
    }

    @Test
    void lookupsAndBookingsAreRateLimitedPerAddress() throws Exception {
        String ip = freshIp();
        int limited = 0;
        for (int i = 0; i < 12; i++) {
            MockHttpServletResponse r = call(get("/api/v1/public/appointments/ABCD" + "EFG" + "HJKMNPQRST".charAt(i % 10))
                    .param("mobile", "13800138000"), ip);
            if (r.getStatus() == 429) {
                limited++;
                assertThat(r.getHeader("Retry-After")).isNotBlank();
                assertThat(r.getContentAsString()).contains("操作过于频繁");
            } else {
                assertThat(r.getStatus()).isEqualTo(404);
            }
        }
        assertThat(limited).as("10 look-ups a minute per address").isEqualTo(2);

        String bookingIp = freshIp();
        int created = 0;
        int refused = 0;
        for (int i = 0; i < 6; i++) {
            int status = call(post("/api/v1/public/centres/" + h.org().code() + "/appointments")
                    .contentType(MediaType.APPLICATION_JSON).content(bookJson(slot(WED, LocalTime.of(9 + i, 0)).id(),
                            AppointmentFixture.person())), bookingIp).getStatus();
            if (status == 201) {
                created++;
            } else {
                assertThat(status).isEqualTo(429);
                refused++;
            }
        }
        assertThat(created).as("5 bookings an hour per address").isEqualTo(5);
        assertThat(refused).isEqualTo(1);
        assertThat(count("select count(*) from q_appointment where centre_id = ? and slot_date = ?", h.centreId(), WED))
                .isEqualTo(5);
    }

    @Test
    void staffAndKioskCheckInOverTheApi() throws Exception {
        Person p = AppointmentFixture.person();
        Appointments.Booking b = book(TUE, TEN, p);
        at(TUE, LocalTime.of(9, 50));
        Http http = new Http(port);
        String path = "/api/v1/queue/centres/" + h.org().code() + "/check-in";
        var anonymous = http.postJson(path, "{\"code\":\"" + b.code() + "\"}");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        var otherCentre = AppointmentFixture.create(org, accounts, services, appointments, 5);
        var foreign = http.postJson(path, "{\"code\":\"" + b.code() + "\"}", "Authorization",
                Http.basic(otherCentre.org().office(), OrgFixture.PASSWORD));
        assertThat(foreign.statusCode()).isEqualTo(403);
        var ok = http.postJson(path, "{\"code\":\"" + b.displayCode() + "\"}", "Authorization",
                Http.basic(h.org().office(), OrgFixture.PASSWORD));
        assertThat(ok.statusCode()).isEqualTo(201);
        assertThat(ok.body()).contains("\"priority\":\"APPOINTMENT\"", "\"late\":false", "\"number\":\"C",
                "\"appointmentCode\":\"" + b.displayCode() + "\"");
        var twice = http.postJson(path, "{\"code\":\"" + b.code() + "\"}", "Authorization",
                Http.basic(h.org().office(), OrgFixture.PASSWORD));
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(twice.body()).contains("该预约已签到取号");
        assertThat(appointments.history(b.id()).getLast().actor()).isEqualTo(h.org().office());
    }

    @Test
    void aKioskChecksInWithItsDeviceTokenOnlyAtItsOwnCentre() throws Exception {
        Person p = AppointmentFixture.person();
        Appointments.Booking b = book(TUE, TEN, p);
        at(TUE, LocalTime.of(10, 20));
        Http http = new Http(port);
        String path = "/api/v1/queue/centres/" + h.org().code() + "/check-in";
        Hall other = AppointmentFixture.create(org, accounts, services, appointments, 5);
        String foreignKiosk = devices.issue(other.centreId(), DeviceKind.KIOSK, "取号机", null).token();
        String display = devices.issue(h.centreId(), DeviceKind.HALL_DISPLAY, "大厅屏", null).token();
        Devices.IssuedDevice kiosk = devices.issue(h.centreId(), DeviceKind.KIOSK, "取号机", null);
        assertThat(http.postJson(path, "{\"code\":\"" + b.code() + "\"}", "Authorization", "Bearer " + foreignKiosk)
                .statusCode()).isEqualTo(403);
        assertThat(http.postJson(path, "{\"code\":\"" + b.code() + "\"}", "Authorization", "Bearer " + display)
                .statusCode()).isEqualTo(403);
        var late = http.postJson(path, "{\"code\":\"" + p.idNumber() + "\"}", "Authorization", "Bearer " + kiosk.token());
        assertThat(late.statusCode()).isEqualTo(201);
        assertThat(late.body()).contains("\"priority\":\"ORDINARY\"", "\"late\":true");
        assertThat(appointments.history(b.id()).getLast()).satisfies(e -> {
            assertThat(e.action()).isEqualTo("CHECK_IN_LATE");
            assertThat(e.actor()).isEqualTo("device:" + kiosk.device().id());
        });
        var tooEarly = http.postJson(path, "{\"code\":\"" + book(TUE, LocalTime.of(15, 0), AppointmentFixture.person())
                .code() + "\"}", "Authorization", "Bearer " + kiosk.token());
        assertThat(tooEarly.statusCode()).isEqualTo(422);
        assertThat(tooEarly.body()).contains("请于 14:30 后签到");
    }
}
