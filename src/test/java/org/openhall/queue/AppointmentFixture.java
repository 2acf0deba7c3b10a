package org.openhall.queue;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.openhall.organization.Gender;
import org.openhall.organization.OrgFixture;
import org.openhall.organization.OrganizationCommands;
import org.openhall.queue.internal.Appointments;
import org.openhall.queue.internal.QueueServices;
import org.openhall.security.UserAccounts;

/**
 * A hall that takes appointments: a {@link QueueFixture.Floor} plus the service C 预约办理 (slots of 30 minutes,
 * {@code capacity} places each) called by every window, and made-up applicants with valid ID numbers and mobiles.
 */
public final class AppointmentFixture {

    private static final AtomicInteger PERSON = new AtomicInteger(500);

    private AppointmentFixture() {
    }

    public record Hall(QueueFixture.Floor floor, Appointments.Centre centre, QueueServices.ServiceView service) {

        public long centreId() {
            return floor.centreId();
        }

        public OrgFixture.Org org() {
            return floor.org();
        }
    }

    public static Hall create(OrganizationCommands org, UserAccounts accounts, QueueServices services,
            Appointments appointments, int capacity) {
        QueueFixture.Floor floor = QueueFixture.create(org, accounts, services, 1);
        QueueServices.ServiceView s = services.create(new QueueServices.ServiceData(floor.centreId(), "YY", "预约办理", "C",
                1, 999, null, 8, 30, capacity, List.of(), 5, true));
        services.assign(floor.windows()[0], List.of(floor.serviceA(), floor.serviceB(), s.id()), List.of());
        return new Hall(floor, appointments.centre(floor.centreId()), s);
    }

    /** A made-up applicant: a name, a valid ID number and a mobile of their own. */
    public record Person(String name, String idNumber, String mobile) {
    }

    public static Person person() {
        int n = PERSON.incrementAndGet();
        return new Person("测试" + (char) ('甲' + n % 10) + n % 100, OrgFixture.idNumber(n, n % 2 == 0 ? Gender.MALE : Gender.FEMALE),
                "137" + "%08d".formatted(n));
    }

    public static Appointments.SlotView slot(Appointments appointments, Hall h, LocalDate date, LocalTime start) {
        return appointments.slots(h.centre(), h.service(), date).stream().filter(s -> s.startsAt().equals(start))
                .findFirst().orElseThrow(() -> new AssertionError("no slot at " + date + " " + start));
    }

    public static Appointments.Booking book(Appointments appointments, Hall h, Appointments.SlotView slot, Person p) {
        return appointments.book(new Appointments.BookingRequest(h.centreId(), slot.id(), p.name(), p.idNumber(),
                p.mobile()), "online");
    }
}
