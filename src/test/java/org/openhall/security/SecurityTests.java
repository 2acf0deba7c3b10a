package org.openhall.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openhall.test.Http;
import org.openhall.test.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;

/** SEC-1 login, HTTP Basic on the API, lockout; SEC-3 audit of account changes. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SecurityTests {

    static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-03-02T01:00:00Z"));

    @TestConfiguration
    static class Config {
        @Bean
        @Primary
        Clock testClock() {
            return CLOCK;
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    private String newUser(String name, Role... roles) {
        accounts.create(new UserAccounts.NewAccount(name, "secret-pass-1", "测试" + name, Set.of(roles), 1L, null, null));
        return name;
    }

    @Test
    void apiWithoutCredentialsGets401ProblemDetails() {
        HttpResponse<String> r = new Http(port).get("/api/v1/me");
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> assertThat(ct).contains("application/problem+json"));
        assertThat(r.body()).contains("\"status\":401").contains("detail_en").contains("HTTP Basic");
    }

    @Test
    void apiAcceptsHttpBasicAndTellsWhoYouAre() {
        String u = newUser("api-user", Role.SUPERVISOR);
        HttpResponse<String> r = new Http(port).get("/api/v1/me", "Authorization", Http.basic(u, "secret-pass-1"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"username\":\"api-user\"").contains("SUPERVISOR").doesNotContain("secret-pass-1");
        assertThat(r.headers().firstValue("Set-Cookie")).as("stateless API").isEmpty();
    }

    @Test
    void passwordsAreStoredOnlyAsHashes() {
        String u = newUser("hash-user", Role.WINDOW_STAFF);
        String hash = jdbc.sql("select password_hash from app_user where username = ?").param(u).query(String.class).single();
        assertThat(hash).startsWith("{bcrypt}$2").doesNotContain("secret-pass-1");
    }

    @Test
    void fiveWrongPasswordsLockTheAccountForFifteenMinutes() {
        String u = newUser("lock-user", Role.WINDOW_STAFF);
        Http http = new Http(port);
        for (int i = 0; i < 5; i++) {
            assertThat(http.get("/api/v1/me", "Authorization", Http.basic(u, "wrong" + i)).statusCode()).isEqualTo(401);
        }
        // the right password no longer helps
        assertThat(http.get("/api/v1/me", "Authorization", Http.basic(u, "secret-pass-1")).statusCode()).isEqualTo(401);
        assertThat(accounts.findByUsername(u)).hasValueSatisfying(a -> assertThat(a.locked()).isTrue());
        CLOCK.advance(Duration.ofMinutes(14));
        assertThat(http.get("/api/v1/me", "Authorization", Http.basic(u, "secret-pass-1")).statusCode()).isEqualTo(401);
        CLOCK.advance(Duration.ofMinutes(2));
        assertThat(http.get("/api/v1/me", "Authorization", Http.basic(u, "secret-pass-1")).statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from audit_log where entity_type = 'UserAccount' and action = 'LOCK' and entity_id = ?")
                .param(Long.toString(accounts.findByUsername(u).orElseThrow().id())).query(Long.class).single()).isEqualTo(1L);
    }

    @Test
    void parallelGuessesAreAllCountedAndCannotOutrunTheLock() throws Exception {
        String u = newUser("parallel-user", Role.WINDOW_STAFF);
        Http http = new Http(port);
        // five wrong passwords at the same moment: every one counts, so the account locks
        parallel(5, i -> http.get("/api/v1/me", "Authorization", Http.basic(u, "wrong" + i)).statusCode());
        assertThat(accounts.findByUsername(u)).hasValueSatisfying(a -> assertThat(a.locked()).isTrue());
        // a burst of guesses with the right password among them: none gets in while locked, and it stays locked
        var codes = parallel(24, i -> http.get("/api/v1/me", "Authorization",
                Http.basic(u, i == 12 ? "secret-pass-1" : "wrong" + i)).statusCode());
        assertThat(codes).containsOnly(401);
        assertThat(http.get("/api/v1/me", "Authorization", Http.basic(u, "secret-pass-1")).statusCode()).isEqualTo(401);
        assertThat(accounts.findByUsername(u)).hasValueSatisfying(a -> assertThat(a.locked()).isTrue());
    }

    private static java.util.List<Integer> parallel(int n, java.util.function.IntFunction<Integer> call) throws Exception {
        var start = new java.util.concurrent.CountDownLatch(1);
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(n)) {
            var futures = new java.util.ArrayList<java.util.concurrent.Future<Integer>>();
            for (int i = 0; i < n; i++) {
                int k = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.apply(k);
                }));
            }
            start.countDown();
            var results = new java.util.ArrayList<Integer>();
            for (var f : futures) {
                results.add(f.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
            return results;
        }
    }

    @Test
    void fourWrongPasswordsThenARightOneResetTheCount() {
        String u = newUser("reset-user", Role.WINDOW_STAFF);
        Http http = new Http(port);
        for (int i = 0; i < 4; i++) {
            http.get("/api/v1/me", "Authorization", Http.basic(u, "wrong"));
        }
        assertThat(http.get("/api/v1/me", "Authorization", Http.basic(u, "secret-pass-1")).statusCode()).isEqualTo(200);
        for (int i = 0; i < 4; i++) {
            http.get("/api/v1/me", "Authorization", Http.basic(u, "wrong"));
        }
        assertThat(http.get("/api/v1/me", "Authorization", Http.basic(u, "secret-pass-1")).statusCode()).isEqualTo(200);
    }

    @Test
    void creatingAnAccountIsAudited() {
        String u = newUser("audited-user", Role.LEADER);
        long id = accounts.findByUsername(u).orElseThrow().id();
        var row = jdbc.sql("select actor, action, before_state, after_state from audit_log where entity_type = 'UserAccount' and entity_id = ?")
                .param(Long.toString(id)).query().singleRow();
        assertThat(row.get("actor")).isEqualTo("system");
        assertThat(row.get("action")).isEqualTo("CREATE");
        assertThat(row.get("before_state")).isNull();
        assertThat((String) row.get("after_state")).contains("audited-user").contains("LEADER").doesNotContain("secret");
    }

    @Test
    void auditPageIsForAdminsOnly() {
        newUser("not-admin", Role.CENTRE_OFFICE);
        // HTTP Basic is for the API; pages use the login form, so an unauthenticated page request redirects to it
        HttpResponse<String> r = new Http(port).get("/admin/audit");
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }
}
