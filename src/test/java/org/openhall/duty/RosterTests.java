package org.openhall.duty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhall.cases.CasesFixture;
import org.openhall.duty.internal.roster.RosterKind;
import org.openhall.duty.internal.roster.RosterStatus;
import org.openhall.duty.internal.roster.RosterViews.Detail;
import org.openhall.duty.internal.roster.RosterViews.Duty;
import org.openhall.duty.internal.roster.RosterViews.Warning;
import org.openhall.duty.internal.roster.Rosters;
import org.openhall.duty.internal.roster.Swaps;
import org.openhall.organization.OrgFixture;
import org.openhall.organization.OrganizationCommands;
import org.openhall.security.UserAccounts;
import org.openhall.shared.DomainException;
import org.openhall.test.Http;
import org.openhall.test.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Rosters on a real database (DUTY-1, DUTY-2): the solver's fortnight for a small centre (two departments, six
 * people) with a duty leader, two duty staff and the turn department's supervisor each working day, leave respected;
 * drafts invisible to DutyApi; edits warned, short days refused on publish; publishing supersedes earlier days and
 * sets duty hours; swaps and substitutes filed by the person and acknowledged by the office; bad input writes nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"openhall.duty.roster.solve-limit=5s", "openhall.duty.roster.unimproved-limit=1s"})
class RosterTests {

    /** Tuesday 2026-11-24 09:00 in Shanghai; the next cycle starts Monday 11-30 and runs to 12-13. */
    static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-24T01:00:00Z"));

    @TestConfiguration
    static class Config {
        @Bean
        @Primary
        Clock testClock() {
            return CLOCK;
        }
    }

    static final LocalDate MONDAY = LocalDate.of(2026, 11, 30);

    @Autowired
    Rosters rosters;
    @Autowired
    Swaps swaps;
    @Autowired
    DutyApi dutyApi;
    @Autowired
    OrganizationCommands org;
    @Autowired
    UserAccounts accounts;
    @Autowired
    UserDetailsService userDetails;
    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    OrgFixture.Org o;

    @BeforeEach
    void setUp() {
        o = OrgFixture.create(org, accounts);
    }

    <T> T as(String user, Supplier<T> action) {
        return CasesFixture.as(userDetails, user, action);
    }

    long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    long generate() {
        return as(o.office(), () -> rosters.generate(o.centreId(), MONDAY, 2, RosterKind.CYCLE));
    }

    @Test
    void theSolverPlansAFortnightWithLeaderTwoStaffAndTheTurnDepartmentsSupervisor() {
        long onLeave = o.medicalStaff()[1];
        RosterFixture.approvedLeave(jdbc, o.centreId(), onLeave, LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 2),
                "PERSONAL");
        RosterFixture.approvedLeave(jdbc, o.centreId(), o.employmentStaff()[2], LocalDate.of(2026, 12, 7),
                LocalDate.of(2026, 12, 8), "COMPENSATORY"); // 调休 over a weekend into Tuesday
        long id = generate();
        Detail d = as(o.office(), () -> rosters.detail(id));

        assertThat(d.roster().status()).isEqualTo(RosterStatus.DRAFT);
        assertThat(d.roster().lastDay()).isEqualTo(LocalDate.of(2026, 12, 13));
        assertThat(d.days()).hasSize(10); // the working days of the fortnight
        assertThat(d.warnings()).isEmpty();
        // departments take turns in the configured order: 劳动就业中心 first, then 医保中心
        assertThat(d.days().stream().map(x -> x.turnDepartment()).limit(4))
                .containsExactly("劳动就业中心", "医保中心", "劳动就业中心", "医保中心");
        for (var day : d.days()) {
            List<Duty> on = d.on(day.day());
            assertThat(on).extracting(Duty::role).containsExactlyInAnyOrder(DutyRole.LEADER, DutyRole.STAFF,
                    DutyRole.STAFF, DutyRole.SUPERVISOR);
            assertThat(on).extracting(Duty::staffId).doesNotHaveDuplicates();
            assertThat(on).filteredOn(x -> x.role() == DutyRole.SUPERVISOR).singleElement()
                    .extracting(Duty::departmentName).isEqualTo(day.turnDepartment());
        }
        assertThat(d.duties()).filteredOn(x -> x.staffId() == onLeave)
                .noneMatch(x -> x.day().equals(LocalDate.of(2026, 12, 1)) || x.day().equals(LocalDate.of(2026, 12, 2)));
        assertThat(d.duties()).filteredOn(x -> x.staffId() == o.employmentStaff()[2])
                .noneMatch(x -> x.day().equals(LocalDate.of(2026, 12, 7)) || x.day().equals(LocalDate.of(2026, 12, 8)));
        // 40 duties over 6 people (two of them away for two days): 6 or 7 each is even, within 2 is accepted
        Map<Long, Long> load = d.duties().stream().collect(Collectors.groupingBy(Duty::staffId, Collectors.counting()));
        assertThat(load).hasSize(6);
        assertThat(load.values().stream().mapToLong(Long::longValue).max().orElseThrow()
                - load.values().stream().mapToLong(Long::longValue).min().orElseThrow()).isLessThanOrEqualTo(2);

        // a draft is not duty yet
        assertThat(dutyApi.onDuty(o.centreId(), MONDAY, MONDAY.plusDays(13))).isEmpty();
        assertThat(count("select count(*) from audit_log where entity_type = 'DutyRoster' and entity_id = ?",
                String.valueOf(id))).isEqualTo(1);
    }

    @Test
    void aHolidayAndWeekendPlanCoversTheDaysOffWithFewerPeople() {
        long id = as(o.office(), () -> rosters.generate(o.centreId(), MONDAY, 1, RosterKind.HOLIDAY));
        Detail d = as(o.office(), () -> rosters.detail(id));
        assertThat(d.days()).extracting(x -> x.day()).containsExactly(LocalDate.of(2026, 12, 5), LocalDate.of(2026, 12, 6));
        assertThat(d.days()).allMatch(x -> !x.working() && x.turnDepartment() == null);
        for (var day : d.days()) {
            assertThat(d.on(day.day())).extracting(Duty::role).containsExactlyInAnyOrder(DutyRole.LEADER, DutyRole.STAFF);
        }
        assertThat(d.warnings()).isEmpty();
        // a cycle draft over the same days is another kind and may exist beside it
        long cycle = generate();
        as(o.office(), () -> {
            rosters.publish(id);
            rosters.publish(cycle);
            return null;
        });
        assertThat(dutyApi.onDuty(o.centreId(), MONDAY, MONDAY.plusDays(6))).hasSize(5 * 4 + 2 * 2);
    }

    @Test
    void anOverlappingDraftIsRefusedAndNothingIsWritten() {
        generate();
        long before = count("select count(*) from duty_roster where centre_id = ?", o.centreId());
        assertThatThrownBy(() -> as(o.office(),
                () -> rosters.generate(o.centreId(), MONDAY.plusDays(7), 1, RosterKind.CYCLE)))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.CONFLICT);
                    assertThat(e.messageKey()).isEqualTo("duty.roster.error.overlappingDraft");
                });
        assertThat(count("select count(*) from duty_roster where centre_id = ?", o.centreId())).isEqualTo(before);
        // three weeks is not a cycle; a clerk does not plan
        assertThatThrownBy(() -> as(o.office(), () -> rosters.generate(o.centreId(), MONDAY.plusDays(21), 3,
                RosterKind.CYCLE))).hasMessageContaining("duty.roster.error.weeks");
        assertThatThrownBy(() -> as(o.clerk(), () -> rosters.generate(o.centreId(), MONDAY.plusDays(21), 1,
                RosterKind.CYCLE))).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.FORBIDDEN));
        assertThat(count("select count(*) from duty_roster where centre_id = ?", o.centreId())).isEqualTo(before);
    }

    @Test
    void editsAreWarnedAShortDayIsRefusedOnPublishAndSomeoneOnLeaveCannotBeAssigned() {
        long id = generate();
        Detail d = as(o.office(), () -> rosters.detail(id));
        Duty staff = d.on(MONDAY).stream().filter(x -> x.role() == DutyRole.STAFF).findFirst().orElseThrow();

        List<Warning> left = as(o.office(), () -> rosters.removeStaff(staff.id()));
        assertThat(left).singleElement().satisfies(w -> {
            assertThat(w.key()).isEqualTo("duty.roster.warning.fewStaff");
            assertThat(w.blocking()).isTrue();
        });
        assertThatThrownBy(() -> as(o.office(), () -> {
            rosters.publish(id);
            return null;
        })).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.kind()).isEqualTo(DomainException.Kind.UNPROCESSABLE);
            assertThat(e.args()).containsExactly(MONDAY.toString());
        });
        assertThat(as(o.office(), () -> rosters.roster(id)).status()).isEqualTo(RosterStatus.DRAFT);
        assertThat(count("select count(*) from att_duty_hours where centre_id = ?", o.centreId())).isZero();

        // someone on leave that day is refused; someone already on duty that day too
        Detail now = as(o.office(), () -> rosters.detail(id));
        long free = freeOn(now, MONDAY);
        RosterFixture.approvedLeave(jdbc, o.centreId(), free, MONDAY, MONDAY, "SICK");
        assertThatThrownBy(() -> as(o.office(), () -> rosters.addStaff(id, MONDAY, free)))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("duty.roster.error.onLeave"));
        long busy = now.on(MONDAY).get(0).staffId();
        assertThatThrownBy(() -> as(o.office(), () -> rosters.addStaff(id, MONDAY, busy)))
                .hasMessageContaining("duty.roster.error.alreadyOnDuty");

        // fixed: the removed person comes back, the roster publishes
        assertThat(as(o.office(), () -> rosters.addStaff(id, MONDAY, staff.staffId()))).isEmpty();
        as(o.office(), () -> {
            rosters.publish(id);
            return null;
        });
        assertThat(dutyApi.onDuty(o.centreId(), MONDAY, MONDAY.plusDays(13))).hasSize(40);
        assertThat(count("select count(*) from att_duty_hours where centre_id = ? and active and source = ? "
                + "and start_time = '08:00:00' and end_time = '18:00:00'", o.centreId(), "roster:" + id)).isEqualTo(40);
        // a published roster is not edited any more
        assertThatThrownBy(() -> as(o.office(), () -> rosters.removeStaff(staff.id())))
                .hasMessageContaining("duty.roster.error.notDraft");
    }

    long freeOn(Detail d, LocalDate day) {
        List<Long> on = d.on(day).stream().map(Duty::staffId).toList();
        return java.util.stream.LongStream.concat(java.util.Arrays.stream(o.medicalStaff()),
                java.util.Arrays.stream(o.employmentStaff())).filter(s -> !on.contains(s)).findFirst().orElseThrow();
    }

    @Test
    void aLaterPublishedRosterSupersedesTheDaysItCovers() {
        long first = generate();
        as(o.office(), () -> {
            rosters.publish(first);
            return null;
        });
        // the second week planned again, one week only
        long second = as(o.office(), () -> rosters.generate(o.centreId(), MONDAY.plusDays(7), 1, RosterKind.CYCLE));
        as(o.office(), () -> {
            rosters.publish(second);
            return null;
        });
        List<DutyAssignment> duty = dutyApi.onDuty(o.centreId(), MONDAY, MONDAY.plusDays(13));
        assertThat(duty).hasSize(40);
        assertThat(duty).filteredOn(a -> a.day().isBefore(MONDAY.plusDays(7))).allMatch(a -> a.rosterId() == first);
        assertThat(duty).filteredOn(a -> !a.day().isBefore(MONDAY.plusDays(7))).allMatch(a -> a.rosterId() == second);
        assertThat(as(o.office(), () -> rosters.roster(first)).status()).isEqualTo(RosterStatus.PUBLISHED);
        // the first roster's second-week duty hours are cleared, the second's set
        assertThat(count("select count(*) from att_duty_hours where source = ? and active", "roster:" + first))
                .isEqualTo(20);
        assertThat(count("select count(*) from att_duty_hours where source = ? and active", "roster:" + second))
                .isEqualTo(20);
        // the rotation went on where the first week left off
        Detail d2 = as(o.office(), () -> rosters.detail(second));
        // (week 1: 劳动就业中心, 医保中心, 劳动就业中心, 医保中心, 劳动就业中心)
        assertThat(d2.days().get(0).turnDepartment()).isEqualTo("医保中心");

        // the whole fortnight published again supersedes both
        long third = generate();
        as(o.office(), () -> {
            rosters.publish(third);
            return null;
        });
        assertThat(as(o.office(), () -> rosters.roster(first)).status()).isEqualTo(RosterStatus.SUPERSEDED);
        assertThat(as(o.office(), () -> rosters.roster(second)).status()).isEqualTo(RosterStatus.SUPERSEDED);
        assertThat(dutyApi.onDuty(o.centreId(), MONDAY, MONDAY.plusDays(13))).hasSize(40)
                .allMatch(a -> a.rosterId() == third);
    }

    @Test
    void aPersonFilesASubstituteTheRosterShowsWhoServesAndTheOfficeAcknowledges() {
        long id = generate();
        as(o.office(), () -> {
            rosters.publish(id);
            return null;
        });
        long clerk = o.medicalStaff()[1]; // the clerk's own staff record
        Duty mine = as(o.clerk(), () -> swaps.upcomingDuties(o.centreId(), clerk)).get(0);
        long substitute = freeOn(as(o.clerk(), () -> rosters.detail(id)), mine.day());

        // a person from another centre cannot substitute; nothing is written
        OrgFixture.Org other = OrgFixture.create(org, accounts);
        assertThatThrownBy(() -> as(o.clerk(), () -> swaps.file(mine.id(), Swaps.Kind.SUBSTITUTE,
                other.medicalStaff()[0], null, "家中有事")))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("duty.roster.swap.error.otherCentre"));
        // nobody files for someone else's duty
        Duty notMine = as(o.office(), () -> rosters.detail(id)).duties().stream()
                .filter(x -> x.staffId() != clerk && x.staffId() != o.medicalStaff()[0]).findFirst().orElseThrow();
        assertThatThrownBy(() -> as(o.clerk(), () -> swaps.file(notMine.id(), Swaps.Kind.SUBSTITUTE, substitute, null,
                "替人登记"))).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.FORBIDDEN));
        assertThat(count("select count(*) from duty_swap_request where centre_id = ?", o.centreId())).isZero();

        long request = as(o.clerk(), () -> swaps.file(mine.id(), Swaps.Kind.SUBSTITUTE, substitute, null, "孩子生病"));
        DutyAssignment served = dutyApi.onDuty(o.centreId(), mine.day()).stream()
                .filter(a -> a.assignmentId() == mine.id()).findFirst().orElseThrow();
        assertThat(served.staffId()).isEqualTo(clerk);
        assertThat(served.servedByStaffId()).isEqualTo(substitute);
        assertThat(served.servingStaffId()).isEqualTo(substitute);
        assertThat(count("select count(*) from att_duty_hours where staff_id = ? and work_day = ? and active", clerk,
                mine.day())).isZero();
        assertThat(count("select count(*) from att_duty_hours where staff_id = ? and work_day = ? and active",
                substitute, mine.day())).isEqualTo(1);

        assertThat(as(o.office(), () -> swaps.requests(o.centreId()))).singleElement()
                .satisfies(r -> assertThat(r.status()).isEqualTo("FILED"));
        // the substitute is told in-system (the fixture's office login has no staff record to receive it)
        assertThat(count("select count(*) from ntf_delivery where centre_id = ? and recipient like ? and subject like ?",
                o.centreId(), "staff:" + substitute, "顶替值班备案%")).isEqualTo(1);
        assertThatThrownBy(() -> as(o.clerk(), () -> {
            swaps.acknowledge(request);
            return null;
        })).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.FORBIDDEN));
        as(o.office(), () -> {
            swaps.acknowledge(request);
            return null;
        });
        assertThat(as(o.office(), () -> swaps.requests(o.centreId()))).singleElement()
                .satisfies(r -> assertThat(r.status()).isEqualTo("ACKNOWLEDGED"));
    }

    @Test
    void theApiReturnsThePublishedDutyAndRefusesAWrongSpan() {
        long id = generate();
        as(o.office(), () -> {
            rosters.publish(id);
            return null;
        });
        var http = new Http(port);
        String auth = Http.basic(o.clerk(), OrgFixture.PASSWORD);
        var ok = http.get("/api/v1/duty/on-duty?from=2026-11-30&to=2026-11-30", "Authorization", auth);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).contains("\"role\":\"SUPERVISOR\"").contains("\"day\":\"2026-11-30\"");
        var bad = http.get("/api/v1/duty/on-duty?from=2026-12-30&to=2026-11-30", "Authorization", auth);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("日期范围须从前到后");
    }

    @Test
    void aSwapExchangesTwoDays() {
        long id = generate();
        as(o.office(), () -> {
            rosters.publish(id);
            return null;
        });
        long clerk = o.medicalStaff()[1];
        Detail d = as(o.office(), () -> rosters.detail(id));
        // a duty of the clerk, and a duty of someone else on a day the clerk is free while they are free on the clerk's
        for (Duty mine : d.duties().stream().filter(x -> x.staffId() == clerk).toList()) {
            for (Duty theirs : d.duties()) {
                boolean clerkFree = d.on(theirs.day()).stream().noneMatch(x -> x.staffId() == clerk);
                boolean theyFree = d.on(mine.day()).stream().noneMatch(x -> x.staffId() == theirs.staffId());
                if (theirs.staffId() != clerk && clerkFree && theyFree) {
                    as(o.clerk(), () -> swaps.file(mine.id(), Swaps.Kind.SWAP, theirs.staffId(), theirs.id(), "换班"));
                    Map<Long, DutyAssignment> after = dutyApi.onDuty(o.centreId(), MONDAY, MONDAY.plusDays(13)).stream()
                            .collect(Collectors.toMap(DutyAssignment::assignmentId, a -> a));
                    assertThat(after.get(mine.id()).servingStaffId()).isEqualTo(theirs.staffId());
                    assertThat(after.get(theirs.id()).servingStaffId()).isEqualTo(clerk);
                    return;
                }
            }
        }
        throw new AssertionError("no swappable pair in the plan");
    }
}
