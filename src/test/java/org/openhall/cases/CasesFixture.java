package org.openhall.cases;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.openhall.cases.internal.CaseCommands;
import org.openhall.cases.internal.CaseCommands.Applicant;
import org.openhall.cases.internal.CaseCommands.ApplicantKind;
import org.openhall.cases.internal.CaseCommands.IntakeRequest;
import org.openhall.cases.internal.CaseCommands.MaterialCheck;
import org.openhall.cases.internal.CaseCommands.MaterialState;
import org.openhall.cases.internal.CaseView;
import org.openhall.catalog.CatalogCommands;
import org.openhall.catalog.ItemType;
import org.openhall.catalog.ItemVersion;
import org.openhall.catalog.MaterialInfo;
import org.openhall.catalog.MaterialRequirement;
import org.openhall.organization.Gender;
import org.openhall.organization.OrgFixture;
import org.openhall.organization.OrganizationCommands;
import org.openhall.security.UserAccounts;
import org.openhall.test.Http;
import org.openhall.test.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * Takes cases through their life for tests, through {@link CaseCommands} (CASE-1..9), for an {@link OrgFixture.Org}
 * and an item made by {@code CatalogFixture}. Without a signed-in user the commands run as the system (no data scope);
 * wrap a call in {@link #as} to run it as one of the Org's logins, e.g.
 * {@code CasesFixture.as(users, o.clerk(), () -> CasesFixture.accepted(cases, o, item))}.
 *
 * (The system caller exists only outside a web request: use {@code webEnvironment = RANDOM_PORT} or {@code NONE};
 * the default MOCK environment binds a mock request to the test thread.)
 *
 * <p>Each applicant made here has a fresh valid ID number and mobile, so tests sharing a context do not collide.
 */
public final class CasesFixture {

    private static final AtomicInteger SEQ = new AtomicInteger();

    private CasesFixture() {
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class ClockConfig {
        @Bean
        @Primary
        Clock casesTestClock() {
            return WebCase.CLOCK;
        }
    }

    /**
     * What the case tests over HTTP and the pages share (FeesTests, ArchiveTests, CasePagesTests, CaseListPagesTests;
     * one application context): the test
     * clock {@link WebCase#CLOCK}, the commands they drive, the REST client and MockMvc, and a centre of {@link FeeFixture}.
     */
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
    @Import(ClockConfig.class)
    public abstract static class WebCase {

        /** 10:00 in Shanghai on 2026-11-23. */
        public static final Instant NOW = Instant.parse("2026-11-23T02:00:00Z");
        public static final MutableClock CLOCK = new MutableClock(NOW);

        @LocalServerPort
        protected int port;

        @Autowired
        protected OrganizationCommands commands;

        @Autowired
        protected CatalogCommands catalogCommands;

        @Autowired
        protected CaseCommands cases;

        @Autowired
        protected UserAccounts accounts;

        @Autowired
        protected JdbcClient jdbc;

        @Autowired
        protected WebApplicationContext context;

        @Autowired
        protected UserDetailsService users;

        protected final JsonMapper json = JsonMapper.builder().build();
        protected Http http;
        protected MockMvc mvc;
        protected FeeFixture.Centre c;
        protected OrgFixture.Org o;

        /** The clients and a fresh centre (fresh codes, so tests sharing the context do not collide). */
        protected void newCentre() {
            http = new Http(port);
            openPages();
            c = FeeFixture.centre(commands, accounts);
            o = c.org();
        }

        /** MockMvc for the pages, through the security chain. */
        protected void openPages() {
            mvc = MockMvcBuilders.webAppContextSetup(context)
                    .apply(org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity())
                    .build();
        }

        /** A page request signed in as one of the centre's logins. */
        protected RequestPostProcessor page(String username) {
            return org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                    .user(users.loadUserByUsername(username));
        }

        protected static void at(String instant) {
            CLOCK.set(Instant.parse(instant));
        }
    }

    /** Runs {@code action} signed in as {@code username} (a login of an Org), then signs out again. */
    public static <T> T as(UserDetailsService users, String username, Supplier<T> action) {
        UserDetails u = users.loadUserByUsername(username);
        Authentication auth = UsernamePasswordAuthenticationToken.authenticated(u, null, u.getAuthorities());
        Authentication before = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext().setAuthentication(auth);
        try {
            return action.get();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(before);
        }
    }

    /** A person applying: valid ID number, mobile and e-mail. */
    public static Applicant person() {
        int n = SEQ.incrementAndGet();
        return new Applicant(ApplicantKind.PERSON, "段誉", OrgFixture.idNumber(500 + n, Gender.MALE),
                null, "1380013%04d".formatted(n % 10000), "duanyu" + n + "@example.cn", "清溪县大理路" + n + "号");
    }

    /** An organisation applying: a valid unified social credit code. */
    public static Applicant organisation() {
        String first17 = "91360100MA35" + "%05d".formatted(SEQ.incrementAndGet() % 100000);
        String code = first17 + org.openhall.shared.UnifiedSocialCreditCode.checkCharacter(first17);
        return new Applicant(ApplicantKind.ORGANIZATION, "清溪县示范商贸有限公司", null, code, "13900139000", null, null);
    }

    /** Every REQUIRED and DEFERRABLE material of the item RECEIVED (optional ones left out). */
    public static List<MaterialCheck> allReceived(ItemVersion item) {
        return item.materials().stream().filter(m -> m.requirement() != MaterialRequirement.OPTIONAL)
                .map(m -> new MaterialCheck(m.code(), MaterialState.RECEIVED, null)).toList();
    }

    /** All required materials received except {@code missing} (left out, so MISSING). */
    public static List<MaterialCheck> allBut(ItemVersion item, String... missing) {
        List<String> leave = Arrays.asList(missing);
        return allReceived(item).stream().filter(m -> !leave.contains(m.code())).toList();
    }

    /** All received, the DEFERRABLE ones DEFERRED (容缺). */
    public static List<MaterialCheck> withDeferred(ItemVersion item) {
        List<MaterialCheck> checks = new ArrayList<>();
        for (MaterialInfo m : item.materials()) {
            if (m.requirement() == MaterialRequirement.REQUIRED) {
                checks.add(new MaterialCheck(m.code(), MaterialState.RECEIVED, null));
            } else if (m.requirement() == MaterialRequirement.DEFERRABLE) {
                checks.add(new MaterialCheck(m.code(), MaterialState.DEFERRED, null));
            }
        }
        return checks;
    }

    /** A window intake at the Org's window. */
    public static IntakeRequest request(OrgFixture.Org o, ItemVersion item, List<MaterialCheck> materials) {
        return new IntakeRequest(o.centreId(), item.code(), person(), materials, IntakeChannel.WINDOW, o.windowId(),
                false, null, null);
    }

    /** An intake with every required material: ACCEPTED, clock running. */
    public static CaseView accepted(CaseCommands cases, OrgFixture.Org o, ItemVersion item) {
        return cases.intake(request(o, item, allReceived(item)));
    }

    /** An intake with the given materials missing: CORRECTION_REQUIRED with its one-time notice. */
    public static CaseView correctionRequired(CaseCommands cases, OrgFixture.Org o, ItemVersion item, String... missing) {
        return cases.intake(request(o, item, allBut(item, missing)));
    }

    /** 容缺受理: the DEFERRABLE materials promised by {@code supplyBy} (not after the committed deadline). */
    public static CaseView deferred(CaseCommands cases, OrgFixture.Org o, ItemVersion item, LocalDate supplyBy) {
        return cases.intake(new IntakeRequest(o.centreId(), item.code(), person(), withDeferred(item), IntakeChannel.WINDOW,
                o.windowId(), false, new CaseCommands.Deferral(true, supplyBy), null));
    }

    /** 不予受理 with a reason and where to go instead. */
    public static CaseView rejected(CaseCommands cases, OrgFixture.Org o, ItemVersion item) {
        return cases.intake(new IntakeRequest(o.centreId(), item.code(), person(), allReceived(item), IntakeChannel.WINDOW,
                o.windowId(), false, null, new CaseCommands.Rejection("申请事项不属于本中心职权范围", "县市场监督管理局（政务服务中心二楼）")));
    }

    /** Accepted and routed to the medical department's second staff member (PROCESSING). */
    public static CaseView processing(CaseCommands cases, OrgFixture.Org o, ItemVersion item) {
        CaseView c = accepted(cases, o, item);
        return cases.route(c.number(), item.departmentId(), handlerOf(o, item.departmentId()), "请按时办理");
    }

    /**
     * Accepted, routed, every opinion given (joint items) and the review passed (flagged items), then decided:
     * COMPLETED with {@code result} (a refusal with reason and remedy).
     */
    public static CaseView completed(CaseCommands cases, OrgFixture.Org o, ItemVersion item, CaseResult result) {
        CaseView c = processing(cases, o, item);
        return finish(cases, c, item, result);
    }

    /** Gives the open opinions, passes the review when the item needs one, and completes the case. */
    public static CaseView finish(CaseCommands cases, CaseView c, ItemVersion item, CaseResult result) {
        for (CaseView.Step s : c.openSteps()) {
            if ("OPINION".equals(s.kind())) {
                cases.opinion(c.number(), s.id(), true, "同意，缴费记录核对无误");
            }
        }
        if (item.reviewRequired()) {
            cases.review(c.number(), true, "材料齐全，审核通过");
        }
        return result == CaseResult.APPROVED ? cases.complete(c.number(), CaseResult.APPROVED, null, null)
                : cases.complete(c.number(), CaseResult.REFUSED, "申请人不符合待遇认定条件",
                        "如不服本决定，可在六十日内申请行政复议，或在六个月内提起行政诉讼");
    }

    /** Completed and archived (read-only). */
    public static CaseView archived(CaseCommands cases, OrgFixture.Org o, ItemVersion item) {
        CaseView c = completed(cases, o, item, CaseResult.APPROVED);
        return cases.archive(c.number());
    }

    /** The handler a case of {@code departmentId} is routed to: the department's second staff member. */
    public static long handlerOf(OrgFixture.Org o, long departmentId) {
        return departmentId == o.employment() ? o.employmentStaff()[1] : o.medicalStaff()[1];
    }

    /** Whether an item is of a type that takes days (not INSTANT). */
    public static boolean takesDays(ItemVersion item) {
        return item.type() != ItemType.INSTANT;
    }
}
