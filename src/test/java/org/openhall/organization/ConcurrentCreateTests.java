package org.openhall.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhall.security.UserAccounts;
import org.openhall.shared.DomainException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * ORG-1/ORG-2/ORG-3, SEC-4: requests that create the same staff number, window number, department code or centre code
 * at the same moment: exactly one wins, every other one gets the same conflict as a sequential duplicate (409 on the
 * API, an inline error on the pages), never a database exception.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConcurrentCreateTests {

    static final int THREADS = 8;
    static final int ROUNDS = 3;

    @Autowired
    OrganizationCommands commands;

    @Autowired
    UserAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    OrgFixture.Org o;
    Authentication admin;

    @BeforeEach
    void setUp() {
        o = OrgFixture.create(commands, accounts);
        UserDetails u = users.loadUserByUsername(o.admin());
        admin = UsernamePasswordAuthenticationToken.authenticated(u, null, u.getAuthorities());
    }

    /** Runs {@code create} in {@link #THREADS} threads released together; returns the successes and the refusals. */
    record Outcome(List<Long> created, List<DomainException> refused, List<Throwable> other) {
    }

    Outcome race(IntFunction<Long> create) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch ready = new CountDownLatch(THREADS);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Long>> futures = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                int t = i;
                Callable<Long> task = () -> {
                    ready.countDown();
                    go.await();
                    SecurityContextHolder.getContext().setAuthentication(admin);
                    try {
                        return create.apply(t);
                    } finally {
                        SecurityContextHolder.clearContext();
                    }
                };
                futures.add(pool.submit(task));
            }
            ready.await(10, TimeUnit.SECONDS);
            go.countDown();
            Outcome outcome = new Outcome(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
            for (Future<Long> f : futures) {
                try {
                    outcome.created().add(f.get(60, TimeUnit.SECONDS));
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof DomainException d) {
                        outcome.refused().add(d);
                    } else {
                        outcome.other().add(e.getCause());
                    }
                }
            }
            return outcome;
        } finally {
            pool.shutdownNow();
        }
    }

    static void assertOneWins(Outcome outcome, String field, String messageKey) {
        assertThat(outcome.other()).as("unexpected exceptions").isEmpty();
        assertThat(outcome.created()).hasSize(1);
        assertThat(outcome.refused()).hasSize(THREADS - 1).allSatisfy(e -> {
            assertThat(e.kind()).isEqualTo(DomainException.Kind.CONFLICT);
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.messageKey()).isEqualTo(messageKey);
        });
    }

    @Test
    void parallelStaffWithTheSameNumber() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String number = "P" + round;
            Outcome outcome = race(t -> commands.createStaff(
                    OrgFixture.staff(o.medical(), number, "并发" + t, t % 2 == 0 ? Gender.MALE : Gender.FEMALE)));
            assertOneWins(outcome, "staffNumber", "org.staff.number.taken");
            assertThat(jdbc.sql("select count(*) from org_staff where centre_id = :c and staff_number = :n")
                    .param("c", o.centreId()).param("n", number).query(Long.class).single()).isEqualTo(1);
        }
    }

    @Test
    void parallelWindowsWithTheSameNumber() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String number = "P" + round;
            Outcome outcome = race(t -> commands.createWindow(new WindowData(o.medical(), number, "并发窗口" + t,
                    WindowType.GENERAL, null, List.of(), o.medicalStaff()[0], o.medicalStaff()[1], null)));
            assertOneWins(outcome, "number", "org.window.number.taken");
        }
    }

    @Test
    void parallelDepartmentsWithTheSameCode() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String code = "P" + round;
            Outcome outcome = race(t -> commands.createDepartment(new DepartmentData(o.centreId(), code, "并发科室" + t,
                    DepartmentKind.STATIONED, null, null, 9)));
            assertOneWins(outcome, "code", "org.department.code.taken");
        }
    }

    @Test
    void parallelCentresWithTheSameCode() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String code = "PAR" + o.n() + "-" + round;
            Outcome outcome = race(t -> commands.createCentre(new CentreData(code, "并发中心" + t, "Asia/Shanghai", null, null)));
            assertOneWins(outcome, "code", "org.centre.code.taken");
        }
    }
}
