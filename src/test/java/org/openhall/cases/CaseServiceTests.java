package org.openhall.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhall.calendar.CalendarApi;
import org.openhall.calendar.Suspension;
import org.openhall.cases.internal.CaseCommands;
import org.openhall.cases.internal.CaseCommands.Applicant;
import org.openhall.cases.internal.CaseCommands.ApplicantKind;
import org.openhall.cases.internal.CaseCommands.IntakeRequest;
import org.openhall.cases.internal.CaseCommands.MaterialCheck;
import org.openhall.cases.internal.CaseCommands.MaterialState;
import org.openhall.cases.internal.CaseView;
import org.openhall.catalog.CatalogCommands;
import org.openhall.catalog.CatalogFixture;
import org.openhall.catalog.ItemVersion;
import org.openhall.organization.OrgFixture;
import org.openhall.organization.OrganizationCommands;
import org.openhall.security.UserAccounts;
import org.openhall.shared.DomainException;
import org.openhall.test.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The case service on a real database (H2, or PostgreSQL with {@code -Ddb=postgresql}): intake outcomes (CASE-1,
 * CASE-2, CASE-5a), numbers under concurrency (CASE-3), supplements, processing with joint opinions and review
 * (CASE-4), the legal clock across the 2026 National Day holiday with suspension, extension and the Art. 32 rule
 * (CASE-5, CASE-5a), the result (CASE-7), archive (CASE-9), data scope (SEC-1), and bad input writing nothing (SEC-4).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CaseServiceTests {

    /** Monday 2026-09-28 10:00 in Shanghai, just before the National Day holiday (10-01..10-07, 10-10 a working Saturday). */
    static final Instant MONDAY = Instant.parse("2026-09-28T02:00:00Z");
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final MutableClock CLOCK = new MutableClock(MONDAY);

    @TestConfiguration
    static class Config {
        @Bean
        @Primary
        Clock testClock() {
            return CLOCK;
        }
    }

    @Autowired
    CaseCommands cases;

    @Autowired
    CaseApi caseApi;

    @Autowired
    OrganizationCommands orgCommands;

    @Autowired
    CatalogCommands catalog;

    @Autowired
    UserAccounts accounts;

    @Autowired
    UserDetailsService users;

    @Autowired
    CalendarApi calendar;

    @Autowired
    JdbcClient jdbc;

    OrgFixture.Org o;
    ItemVersion committed;

    @BeforeEach
    void setUp() {
        CLOCK.set(MONDAY);
        o = OrgFixture.create(orgCommands, accounts);
        committed = CatalogFixture.committed(catalog, o);
    }

    <T> T as(String user, java.util.function.Supplier<T> action) {
        return CasesFixture.as(users, user, action);
    }

    LocalDate today() {
        return LocalDate.ofInstant(CLOCK.instant(), ZONE);
    }

    Map<String, Long> counts() {
        Map<String, Long> m = new java.util.TreeMap<>();
        for (String t : List.of("cas_case", "cas_material", "cas_step", "cas_notice", "cas_suspension",
                "cas_number_sequence", "cas_reserved_number", "audit_log")) {
            m.put(t, jdbc.sql("select count(*) from " + t).query(Long.class).single());
        }
        return m;
    }

    static String text(byte[] pdf) {
        try (PDDocument d = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(d);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static void snapshot(byte[] pdf, String name) {
        try (PDDocument d = Loader.loadPDF(pdf)) {
            org.openhall.cases.internal.NoticeRendererTests.snapshot(d, name);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    byte[] notice(String number, NoticeKind kind) {
        return cases.notice(number, kind).orElseThrow();
    }

    static DomainException.Kind kindOf(Runnable r) {
        try {
            r.run();
        } catch (DomainException e) {
            return e.kind();
        }
        throw new AssertionError("no DomainException");
    }

    // ------------------------------------------------------------------ intake

    @Test
    void acceptsACompleteApplicationWithAReadableNumberAndADeadlineThatSkipsNationalDay() {
        CaseView c = as(o.clerk(), () -> CasesFixture.accepted(cases, o, committed));
        assertThat(c.status()).isEqualTo(CaseStatus.ACCEPTED);
        assertThat(c.number()).matches(o.code() + "-20260928-\\d{4}");
        assertThat(c.clockStartedAt()).isEqualTo(MONDAY);
        assertThat(c.limitDays()).isEqualTo(10);
        // 09-29, 09-30, 10-08, 10-09, 10-10 (调休上班), 10-12 .. 10-16: the holiday does not count (Art. 82)
        assertThat(c.dueDate()).isEqualTo(LocalDate.of(2026, 10, 16));
        assertThat(c.dueDate()).isEqualTo(calendar.deadline(o.code(), MONDAY, 10, List.of()).dueDate());
        assertThat(c.intakeStaffId()).isEqualTo(o.medicalStaff()[1]);
        assertThat(c.materials()).extracting(CaseView.Material::state).containsExactly(MaterialState.RECEIVED,
                MaterialState.RECEIVED, MaterialState.RECEIVED, MaterialState.RECEIVED, MaterialState.MISSING);
        assertThat(c.steps()).extracting(CaseView.Step::kind).containsExactly("RECEIVE", "ACCEPT");
        assertThat(c.steps().getFirst().actor()).isEqualTo(o.clerk());
        assertThat(c.notices()).extracting(CaseView.Notice::kind).containsExactly(NoticeKind.RECEIPT);
        String receipt = text(notice(c.number(), NoticeKind.RECEIPT));
        snapshot(notice(c.number(), NoticeKind.RECEIPT), "notice-receipt");
        assertThat(receipt).contains("受理回执", c.number(), committed.name(), "2026年10月16日前（10个工作日）",
                "/progress?number=" + c.number(), "（印章）", "经办人：张伟");
        // the ID number is masked on the notice handed over the counter (SEC-2)
        assertThat(receipt).doesNotContain(c.applicant().idNumber()).contains(c.applicant().idNumber().substring(16));
        assertThat(jdbc.sql("select count(*) from audit_log where entity_type = 'Case' and entity_id = :n and action = 'INTAKE_ACCEPTED'")
                .param("n", c.number()).query(Long.class).single()).isEqualTo(1);
        assertThat(caseApi.byNumber(c.number())).hasValueSatisfying(s -> {
            assertThat(s.status()).isEqualTo(CaseStatus.ACCEPTED);
            assertThat(s.dueDate()).isEqualTo(LocalDate.of(2026, 10, 16));
        });
    }

    @Test
    void anInstantItemIsDueTheSameDayAndTheGreenChannelShortensTheLimit() {
        ItemVersion instant = CatalogFixture.instant(catalog, o);
        CaseView i = CasesFixture.accepted(cases, o, instant);
        assertThat(i.limitDays()).isZero();
        assertThat(i.dueDate()).isEqualTo(today());

        CaseView green = cases.intake(new IntakeRequest(o.centreId(), committed.code(), CasesFixture.person(),
                CasesFixture.allReceived(committed), IntakeChannel.WINDOW, o.windowId(), true, null, null));
        assertThat(green.limitDays()).isEqualTo(5);
        assertThat(green.greenChannel()).isTrue();
        assertThat(green.dueDate()).isEqualTo(calendar.addWorkingDays(o.code(), today(), 5));

        Map<String, Long> before = counts();
        assertThat(kindOf(() -> cases.intake(new IntakeRequest(o.centreId(), instant.code(), CasesFixture.person(),
                CasesFixture.allReceived(instant), IntakeChannel.WINDOW, null, true, null, null))))
                .isEqualTo(DomainException.Kind.INVALID);
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void anIncompleteApplicationGetsOneNoticeListingEverythingMissingOrWrong() {
        List<MaterialCheck> checks = new ArrayList<>(CasesFixture.allBut(committed, "M02", "M03"));
        checks.removeIf(m -> m.code().equals("M01"));
        checks.add(new MaterialCheck("M01", MaterialState.WRONG, "身份证已过有效期"));
        CaseView c = as(o.clerk(), () -> cases.intake(CasesFixture.request(o, committed, checks)));
        assertThat(c.status()).isEqualTo(CaseStatus.CORRECTION_REQUIRED);
        assertThat(c.clockStartedAt()).isNull();
        assertThat(c.dueDate()).isNull();
        assertThat(c.correctionLate()).isFalse();
        String notice = text(notice(c.number(), NoticeKind.CORRECTION));
        assertThat(notice).contains("一次性告知单", "共 3 项", "居民身份证或社会保障卡", "身份证已过有效期",
                "门诊慢特病待遇认定申请表", "二级及以上定点医院诊断证明", "须加盖医院公章", "未提交");
        // the optional material is never a reason for a correction
        assertThat(notice).doesNotContain("代办人身份证及委托书");

        // supplements: one still missing → a new notice listing only that one, still no clock
        CLOCK.advance(Duration.ofDays(1));
        CaseView partly = as(o.clerk(), () -> cases.supplement(c.number(), List.of(
                new MaterialCheck("M01", MaterialState.RECEIVED, null), new MaterialCheck("M02", MaterialState.RECEIVED, null)),
                "申请人补交"));
        assertThat(partly.status()).isEqualTo(CaseStatus.CORRECTION_REQUIRED);
        String second = text(notice(c.number(), NoticeKind.CORRECTION));
        assertThat(second).contains("共 1 项", "二级及以上定点医院诊断证明").doesNotContain("门诊慢特病待遇认定申请表");

        // the last one: accepted, the clock starts now (the notice came in time)
        CLOCK.set(Instant.parse("2026-10-08T01:30:00Z"));
        CaseView accepted = as(o.clerk(), () -> cases.supplement(c.number(),
                List.of(new MaterialCheck("M03", MaterialState.RECEIVED, null)), null));
        assertThat(accepted.status()).isEqualTo(CaseStatus.ACCEPTED);
        assertThat(accepted.acceptedAt()).isEqualTo(CLOCK.instant());
        assertThat(accepted.clockStartedAt()).isEqualTo(CLOCK.instant());
        assertThat(accepted.receivedAt()).isEqualTo(MONDAY);
        assertThat(accepted.dueDate()).isEqualTo(calendar.addWorkingDays(o.code(), LocalDate.of(2026, 10, 8), 10));
        assertThat(accepted.notices()).extracting(CaseView.Notice::kind).contains(NoticeKind.RECEIPT);
        assertThat(accepted.steps()).extracting(CaseView.Step::kind)
                .containsExactly("RECEIVE", "CORRECTION", "SUPPLEMENT", "SUPPLEMENT", "ACCEPT");
    }

    @Test
    void deferredAcceptanceNeedsASignedCommitmentAndASupplyByDateWithinTheDeadline() {
        LocalDate due = LocalDate.of(2026, 10, 16);
        CaseView c = CasesFixture.deferred(cases, o, committed, LocalDate.of(2026, 10, 12));
        assertThat(c.status()).isEqualTo(CaseStatus.ACCEPTED);
        assertThat(c.pendingMaterialsDue()).isEqualTo(LocalDate.of(2026, 10, 12));
        assertThat(c.deferralSigned()).isTrue();
        assertThat(c.notices()).extracting(CaseView.Notice::kind).containsExactly(NoticeKind.RECEIPT, NoticeKind.DEFERRAL);
        assertThat(text(notice(c.number(), NoticeKind.DEFERRAL))).contains("容缺受理通知书", "近期检查检验报告",
                "2026年10月12日", "承诺");

        Map<String, Long> before = counts();
        var late = new IntakeRequest(o.centreId(), committed.code(), CasesFixture.person(), CasesFixture.withDeferred(committed),
                IntakeChannel.WINDOW, null, false, new CaseCommands.Deferral(true, due.plusDays(1)), null);
        assertThatThrownBy(() -> cases.intake(late)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.field()).isEqualTo("deferral.supplyBy"));
        var unsigned = new IntakeRequest(o.centreId(), committed.code(), CasesFixture.person(),
                CasesFixture.withDeferred(committed), IntakeChannel.WINDOW, null, false, new CaseCommands.Deferral(false, due), null);
        assertThatThrownBy(() -> cases.intake(unsigned)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.field()).isEqualTo("deferral"));
        List<MaterialCheck> required = new ArrayList<>(CasesFixture.allBut(committed, "M02"));
        required.add(new MaterialCheck("M02", MaterialState.DEFERRED, null));
        var notDeferrable = new IntakeRequest(o.centreId(), committed.code(), CasesFixture.person(), required,
                IntakeChannel.WINDOW, null, false, new CaseCommands.Deferral(true, due), null);
        assertThatThrownBy(() -> cases.intake(notDeferrable)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.messageKey()).isEqualTo("cases.materials.notDeferrable"));
        assertThat(counts()).isEqualTo(before);

        // approval waits for the deferred material; supplying it clears the pending date
        CaseView routed = cases.route(c.number(), o.medical(), o.medicalStaff()[1], null);
        assertThat(kindOf(() -> cases.complete(routed.number(), CaseResult.APPROVED, null, null)))
                .isEqualTo(DomainException.Kind.CONFLICT);
        CaseView supplied = cases.supplement(c.number(), List.of(new MaterialCheck("M04", MaterialState.RECEIVED, null)), null);
        assertThat(supplied.pendingMaterialsDue()).isNull();
        assertThat(supplied.status()).isEqualTo(CaseStatus.PROCESSING);
        assertThat(cases.complete(c.number(), CaseResult.APPROVED, null, null).status()).isEqualTo(CaseStatus.COMPLETED);
    }

    @Test
    void aRejectionNeedsItsReasonAndTellsWhereToGoAndHowToAppeal() {
        CaseView c = CasesFixture.rejected(cases, o, committed);
        assertThat(c.status()).isEqualTo(CaseStatus.REJECTED);
        assertThat(c.rejectionReason()).isEqualTo("申请事项不属于本中心职权范围");
        assertThat(c.dueDate()).isNull();
        String pdf = text(notice(c.number(), NoticeKind.REJECTION));
        assertThat(pdf).contains("不予受理通知书", "申请事项不属于本中心职权范围", "县市场监督管理局", "社会保险法", "行政复议",
                "行政诉讼");
        Map<String, Long> before = counts();
        var noReason = new IntakeRequest(o.centreId(), committed.code(), CasesFixture.person(), List.of(),
                IntakeChannel.WINDOW, null, false, null, new CaseCommands.Rejection(" ", null));
        assertThatThrownBy(() -> cases.intake(noReason)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.field()).isEqualTo("rejection.reason"));
        assertThat(counts()).isEqualTo(before);
        assertThat(cases.archive(c.number()).status()).isEqualTo(CaseStatus.ARCHIVED);
    }

    @Test
    void badInputIsRefusedWithItsFieldAndWritesNothing() {
        Map<String, Long> before = counts();
        record Bad(IntakeRequest request, String field) {
        }
        Applicant ok = CasesFixture.person();
        List<MaterialCheck> all = CasesFixture.allReceived(committed);
        List<Bad> bad = List.of(
                new Bad(new IntakeRequest(o.centreId(), "NO-SUCH-ITEM", ok, all, IntakeChannel.WINDOW, null, false, null, null),
                        "itemCode"),
                new Bad(new IntakeRequest(o.centreId(), committed.code(), new Applicant(ApplicantKind.PERSON, "段誉",
                        OrgFixture.wrongCheckDigit(ok.idNumber()), null, ok.mobile(), null, null), all, IntakeChannel.WINDOW,
                        null, false, null, null), "applicant.idNumber"),
                new Bad(new IntakeRequest(o.centreId(), committed.code(), new Applicant(ApplicantKind.PERSON, "段誉",
                        ok.idNumber(), null, "12345", null, null), all, IntakeChannel.WINDOW, null, false, null, null),
                        "applicant.mobile"),
                new Bad(new IntakeRequest(o.centreId(), committed.code(), new Applicant(ApplicantKind.ORGANIZATION, "某公司",
                        null, "91360100MA35ABCDE0", ok.mobile(), null, null), all, IntakeChannel.WINDOW, null, false, null,
                        null), "applicant.creditCode"),
                new Bad(new IntakeRequest(o.centreId(), committed.code(), ok, List.of(
                        new MaterialCheck("M01", MaterialState.RECEIVED, null), new MaterialCheck("X9", MaterialState.RECEIVED, null),
                        new MaterialCheck("Y7", MaterialState.RECEIVED, null)), IntakeChannel.WINDOW, null, false, null, null),
                        "materials"),
                new Bad(new IntakeRequest(o.centreId(), committed.code(), ok, List.of(
                        new MaterialCheck("M01", MaterialState.WRONG, null)), IntakeChannel.WINDOW, null, false, null, null),
                        "materials"));
        for (Bad b : bad) {
            assertThatThrownBy(() -> as(o.clerk(), () -> cases.intake(b.request()))).as(b.field())
                    .isInstanceOfSatisfying(DomainException.class, e -> {
                        assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID);
                        assertThat(e.field()).isEqualTo(b.field());
                    });
        }
        assertThatThrownBy(() -> cases.intake(bad.get(4).request())).hasMessage("cases.materials.unknown")
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.args()).containsExactly("X9、Y7"));
        assertThat(counts()).isEqualTo(before);
    }

    // ------------------------------------------------------------------ the Art. 32 rule

    @Test
    void anOnlineApplicationReviewedLateCountsFromReceipt() {
        String number = cases.reserveNumber(o.centreId());
        assertThat(number).matches(o.code() + "-20260928-\\d{4}");
        // reviewed 7 working days later (10-12 is the 6th working day after 09-28: 09-29, 09-30, 10-08, 10-09, 10-10, 10-12)
        CLOCK.set(Instant.parse("2026-10-12T02:00:00Z"));
        CaseView c = as(o.clerk(), () -> cases.intake(new IntakeRequest(o.centreId(), committed.code(), CasesFixture.person(),
                CasesFixture.allReceived(committed), IntakeChannel.ONLINE, null, false, null, null), number));
        assertThat(c.number()).isEqualTo(number);
        assertThat(c.receivedAt()).isEqualTo(MONDAY);
        assertThat(c.acceptedAt()).isEqualTo(CLOCK.instant());
        assertThat(c.clockStartedAt()).isEqualTo(MONDAY);
        assertThat(c.dueDate()).isEqualTo(LocalDate.of(2026, 10, 16));
        assertThat(text(notice(number, NoticeKind.RECEIPT))).contains("2026年9月28日", "2026年10月12日");
        // a reserved number is used once
        assertThat(kindOf(() -> cases.intake(new IntakeRequest(o.centreId(), committed.code(), CasesFixture.person(),
                CasesFixture.allReceived(committed), IntakeChannel.ONLINE, null, false, null, null), number)))
                .isEqualTo(DomainException.Kind.INVALID);
    }

    @Test
    void anOnlineApplicationReviewedWithinFiveWorkingDaysCountsFromAcceptance() {
        String number = cases.reserveNumber(o.centreId());
        CLOCK.set(Instant.parse("2026-10-09T02:00:00Z")); // the 4th working day after receipt
        CaseView c = cases.intake(new IntakeRequest(o.centreId(), committed.code(), CasesFixture.person(),
                CasesFixture.allReceived(committed), IntakeChannel.ONLINE, null, false, null, null), number);
        assertThat(c.clockStartedAt()).isEqualTo(CLOCK.instant());
        assertThat(c.dueDate()).isEqualTo(calendar.addWorkingDays(o.code(), LocalDate.of(2026, 10, 9), 10));
    }

    @Test
    void aLateCorrectionNoticeCountsFromReceiptWithoutTheApplicantsTime() {
        String number = cases.reserveNumber(o.centreId());
        Instant late = Instant.parse("2026-10-13T02:00:00Z"); // the 7th working day after receipt: too late (Art. 32)
        CLOCK.set(late);
        CaseView c = cases.intake(new IntakeRequest(o.centreId(), committed.code(), CasesFixture.person(),
                CasesFixture.allBut(committed, "M03"), IntakeChannel.ONLINE, null, false, null, null), number);
        assertThat(c.status()).isEqualTo(CaseStatus.CORRECTION_REQUIRED);
        assertThat(c.correctionLate()).isTrue();
        assertThat(c.correctionIssuedAt()).isEqualTo(late);
        Instant supplied = Instant.parse("2026-10-20T03:00:00Z");
        CLOCK.set(supplied);
        CaseView a = cases.supplement(number, List.of(new MaterialCheck("M03", MaterialState.RECEIVED, null)), null);
        assertThat(a.status()).isEqualTo(CaseStatus.ACCEPTED);
        assertThat(a.clockStartedAt()).isEqualTo(MONDAY);
        assertThat(a.suspensions()).singleElement().satisfies(s -> {
            assertThat(s.reason()).isEqualTo(SuspensionReason.SUPPLEMENT);
            assertThat(s.startedAt()).isEqualTo(late);
            assertThat(s.endedAt()).isEqualTo(supplied);
        });
        // 09-29 .. 10-12 ran (6 working days), 10-13 (the notice) and 10-20 (the supplement) count as partly run days,
        // 10-14 .. 10-19 (4 working days) were the applicant's and are given back
        var expected = calendar.deadline(o.code(), MONDAY, 10, List.of(new Suspension(late, supplied)));
        assertThat(a.dueDate()).isEqualTo(expected.dueDate());
        assertThat(a.suspendedDays()).isEqualTo(4);
        assertThat(text(notice(number, NoticeKind.RECEIPT))).contains("第三十二条");
    }

    // ------------------------------------------------------------------ processing

    @Test
    void aJointItemWaitsForEveryAssistingDepartmentWithinItsOwnLimit() {
        ItemVersion joint = CatalogFixture.joint(catalog, o);
        CaseView received = as(o.clerk(), () -> CasesFixture.accepted(cases, o, joint));
        CaseView c = as(o.medicalHead(), () -> cases.route(received.number(), o.medical(), o.medicalStaff()[1], null));
        CaseView.Step opinion = c.openSteps().stream().filter(s -> s.kind().equals("OPINION")).findFirst().orElseThrow();
        assertThat(opinion.departmentId()).isEqualTo(o.employment());
        assertThat(opinion.dueDate()).isEqualTo(calendar.addWorkingDays(o.code(), today(), 5));
        assertThat(c.dueDate()).isEqualTo(calendar.addWorkingDays(o.code(), today(), 15));
        assertThatThrownBy(() -> cases.complete(c.number(), CaseResult.APPROVED, null, null))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.CONFLICT);
                    assertThat(e.messageKey()).isEqualTo("cases.complete.openOpinion");
                    assertThat(e.args()).containsExactly("劳动就业中心");
                });
        // the medical department head may not answer for the employment department
        assertThatThrownBy(() -> as(o.medicalHead(), () -> cases.opinion(c.number(), opinion.id(), true, "同意")))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        // the employment head sees the case (asked for an opinion) and answers
        CaseView answered = as(o.employmentHead(), () -> cases.opinion(c.number(), opinion.id(), true, "就业登记与缴费记录一致"));
        CaseView.Step done = answered.steps().stream().filter(s -> s.id() == opinion.id()).findFirst().orElseThrow();
        assertThat(done.status()).isEqualTo("DONE");
        assertThat(done.outcome()).isEqualTo("AGREE");
        assertThat(done.doneBy()).isEqualTo(o.employmentHead());
        assertThat(kindOf(() -> cases.opinion(c.number(), opinion.id(), true, "again"))).isEqualTo(DomainException.Kind.CONFLICT);
        assertThat(cases.complete(c.number(), CaseResult.APPROVED, null, null).status()).isEqualTo(CaseStatus.COMPLETED);
    }

    @Test
    void routingGoesToStaffOfTheDepartmentAndAFlaggedItemNeedsAPassedReview() {
        ItemVersion flagged = CatalogFixture.reviewRequired(catalog, o);
        CaseView c = CasesFixture.accepted(cases, o, flagged);
        assertThat(kindOf(() -> cases.route(c.number(), o.medical(), o.employmentStaff()[1], null)))
                .isEqualTo(DomainException.Kind.INVALID);
        assertThatThrownBy(() -> as(o.clerk(), () -> cases.route(c.number(), o.medical(), o.medicalStaff()[2], null)))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        CaseView routed = as(o.medicalHead(), () -> cases.route(c.number(), o.medical(), o.medicalStaff()[2], "请审查"));
        assertThat(routed.status()).isEqualTo(CaseStatus.PROCESSING);
        assertThat(routed.handlerStaffId()).isEqualTo(o.medicalStaff()[2]);
        CaseView.Step handle = routed.openSteps().getFirst();
        assertThat(handle.kind()).isEqualTo("HANDLE");
        assertThat(handle.dueDate()).isEqualTo(routed.dueDate());
        assertThat(kindOf(() -> cases.complete(c.number(), CaseResult.APPROVED, null, null))).isEqualTo(DomainException.Kind.CONFLICT);
        cases.review(c.number(), false, "定居证明未经公证");
        assertThat(kindOf(() -> cases.complete(c.number(), CaseResult.APPROVED, null, null))).isEqualTo(DomainException.Kind.CONFLICT);
        as(o.medicalHead(), () -> cases.review(c.number(), true, "复核通过"));
        CaseView done = cases.complete(c.number(), CaseResult.APPROVED, null, null);
        assertThat(done.steps()).extracting(CaseView.Step::kind).containsSubsequence("RECEIVE", "ACCEPT", "ROUTE", "HANDLE",
                "REVIEW", "REVIEW", "DECISION");
        assertThat(done.openSteps()).isEmpty();
        assertThat(done.steps()).allSatisfy(s -> assertThat(s.actor()).isNotBlank());
    }

    // ------------------------------------------------------------------ the clock

    @Test
    void suspensionForExpertReviewMovesTheDeadlineByTheFullySuspendedWorkingDays() {
        CaseView c = CasesFixture.accepted(cases, o, committed);
        assertThat(c.dueDate()).isEqualTo(LocalDate.of(2026, 10, 16));
        CLOCK.set(Instant.parse("2026-10-08T07:00:00Z")); // Thursday 15:00
        CaseView s = cases.suspend(c.number(), SuspensionReason.EXPERT_REVIEW, "组织专家评审病种认定");
        assertThat(s.status()).isEqualTo(CaseStatus.SUSPENDED);
        assertThat(s.suspendedFrom()).isEqualTo(CaseStatus.ACCEPTED);
        assertThat(text(notice(c.number(), NoticeKind.SUSPENSION))).contains("中止计时告知书", "专家评审", "第四十五条",
                "组织专家评审病种认定");
        assertThat(kindOf(() -> cases.complete(c.number(), CaseResult.APPROVED, null, null))).isEqualTo(DomainException.Kind.CONFLICT);
        jdbc.sql("update cas_case set warning_level = 'YELLOW' where number = :n").param("n", c.number()).update();
        CLOCK.set(Instant.parse("2026-10-13T02:00:00Z")); // Tuesday 10:00: 10-09, 10-10 (working Saturday), 10-12 covered
        CaseView r = cases.resume(c.number(), "专家评审结束");
        assertThat(r.status()).isEqualTo(CaseStatus.ACCEPTED);
        assertThat(r.suspendedDays()).isEqualTo(3);
        assertThat(r.dueDate()).isEqualTo(calendar.addWorkingDays(o.code(), LocalDate.of(2026, 10, 16), 3));
        assertThat(r.warningLevel()).isEqualTo(WarningLevel.NONE);
        assertThat(r.suspensions()).singleElement().satisfies(p -> assertThat(p.endedAt()).isEqualTo(CLOCK.instant()));
        assertThatThrownBy(() -> cases.resume(c.number(), null)).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.kind()).isEqualTo(DomainException.Kind.CONFLICT);
            assertThat(e.messageKey()).isEqualTo("cases.lifecycle.notSuspended");
        });
    }

    @Test
    void aSuspensionForSupplementsEndsWhenTheyArrive() {
        CaseView c = CasesFixture.processing(cases, o, committed);
        cases.suspend(c.number(), SuspensionReason.SUPPLEMENT, null);
        // the diagnosis must be replaced: it is recorded as not received at the moment
        jdbc.sql("update cas_material set status = 'MISSING' where case_id = :c and material_code = 'M03'").param("c", c.id())
                .update();
        CLOCK.advance(Duration.ofDays(3));
        CaseView r = cases.supplement(c.number(), List.of(new MaterialCheck("M03", MaterialState.RECEIVED, null)), "新诊断证明");
        assertThat(r.status()).isEqualTo(CaseStatus.PROCESSING);
        assertThat(r.suspensions()).singleElement().satisfies(p -> assertThat(p.endedAt()).isEqualTo(CLOCK.instant()));
    }

    @Test
    void anExtensionIsApprovedByALeaderOnceAndOnlyBeforeTheDeadline() {
        CaseView c = CasesFixture.accepted(cases, o, committed);
        assertThat(kindOf(() -> cases.extend(c.number(), 5, "需实地核查", o.clerk()))).isEqualTo(DomainException.Kind.INVALID);
        assertThat(kindOf(() -> cases.extend(c.number(), 11, "需实地核查", o.leader()))).isEqualTo(DomainException.Kind.INVALID);
        assertThat(kindOf(() -> cases.extend(c.number(), 5, " ", o.leader()))).isEqualTo(DomainException.Kind.INVALID);
        jdbc.sql("update cas_case set warning_level = 'YELLOW' where number = :n").param("n", c.number()).update();
        CLOCK.set(Instant.parse("2026-10-15T02:00:00Z"));
        CaseView e = cases.extend(c.number(), 5, "需组织实地核查", o.leader());
        assertThat(e.extensionDays()).isEqualTo(5);
        assertThat(e.extensionApprovedBy()).isEqualTo(o.leader());
        assertThat(e.dueDate()).isEqualTo(calendar.addWorkingDays(o.code(), LocalDate.of(2026, 10, 16), 5));
        assertThat(e.warningLevel()).isEqualTo(WarningLevel.NONE);
        assertThat(text(notice(c.number(), NoticeKind.EXTENSION))).contains("延期办理通知书", "需组织实地核查", "5个工作日",
                "第四十二条");
        assertThat(kindOf(() -> cases.extend(c.number(), 2, "再延", o.office()))).isEqualTo(DomainException.Kind.CONFLICT);

        CaseView other = CasesFixture.accepted(cases, o, committed);
        CLOCK.set(other.dueDate().plusDays(1).atTime(10, 0).atZone(ZONE).toInstant());
        assertThatThrownBy(() -> cases.extend(other.number(), 3, "来不及了", o.office()))
                .isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.messageKey()).isEqualTo("cases.extend.tooLate"));
    }

    // ------------------------------------------------------------------ result and archive

    @Test
    void aDecisionIsMadeOnceRecordsTimelinessAndARefusalNeedsReasonAndRemedy() {
        CaseView c = CasesFixture.processing(cases, o, committed);
        assertThat(kindOf(() -> cases.complete(c.number(), CaseResult.REFUSED, "不符合条件", null)))
                .isEqualTo(DomainException.Kind.INVALID);
        assertThat(kindOf(() -> cases.complete(c.number(), CaseResult.REFUSED, null, "可申请行政复议")))
                .isEqualTo(DomainException.Kind.INVALID);
        CLOCK.set(Instant.parse("2026-10-19T02:00:00Z")); // after 10-16: late
        CaseView done = cases.complete(c.number(), CaseResult.REFUSED, "诊断证明非定点医院出具", "可于六十日内申请行政复议或六个月内提起行政诉讼");
        assertThat(done.completedOnTime()).isFalse();
        assertThat(done.result()).isEqualTo(CaseResult.REFUSED);
        snapshot(notice(c.number(), NoticeKind.DECISION), "notice-decision-refused");
        assertThat(text(notice(c.number(), NoticeKind.DECISION))).contains("办理结果通知书", "不予许可", "诊断证明非定点医院出具",
                "行政复议");
        assertThatThrownBy(() -> cases.complete(c.number(), CaseResult.APPROVED, null, null))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.CONFLICT);
                    assertThat(e.messageKey()).isEqualTo("cases.lifecycle.alreadyCompleted");
                });
        assertThat(kindOf(() -> cases.deliver(c.number(), CaseCommands.DeliveryMethod.MAIL, "大理路1号", null)))
                .isEqualTo(DomainException.Kind.INVALID);
        CaseView mailed = cases.deliver(c.number(), CaseCommands.DeliveryMethod.MAIL, null, "SF1234567890");
        assertThat(mailed.deliveryAddress()).isEqualTo(c.applicant().address());
        assertThat(mailed.trackingNumber()).isEqualTo("SF1234567890");
        assertThat(kindOf(() -> cases.deliver(c.number(), CaseCommands.DeliveryMethod.PICKUP, null, null)))
                .isEqualTo(DomainException.Kind.CONFLICT);

        CaseView onTime = CasesFixture.completed(cases, o, committed, CaseResult.APPROVED);
        assertThat(onTime.completedOnTime()).isTrue();
    }

    @Test
    void anArchivedCaseIsReadOnly() {
        CaseView a = CasesFixture.archived(cases, o, committed);
        assertThat(a.status()).isEqualTo(CaseStatus.ARCHIVED);
        assertThat(a.archivedAt()).isNotNull();
        Map<String, Long> before = counts();
        List<Runnable> all = List.of(
                () -> cases.supplement(a.number(), List.of(new MaterialCheck("M05", MaterialState.RECEIVED, null)), null),
                () -> cases.route(a.number(), o.medical(), null, null),
                () -> cases.review(a.number(), true, "x"),
                () -> cases.suspend(a.number(), SuspensionReason.HEARING, null),
                () -> cases.resume(a.number(), null),
                () -> cases.extend(a.number(), 1, "x", o.leader()),
                () -> cases.complete(a.number(), CaseResult.APPROVED, null, null),
                () -> cases.deliver(a.number(), CaseCommands.DeliveryMethod.PICKUP, null, null),
                () -> cases.archive(a.number()),
                () -> cases.reject(a.number(), new CaseCommands.Rejection("x", null)));
        for (Runnable r : all) {
            assertThatThrownBy(r::run).isInstanceOfSatisfying(DomainException.class, e -> {
                assertThat(e.kind()).isEqualTo(DomainException.Kind.CONFLICT);
                assertThat(e.messageKey()).isEqualTo("cases.lifecycle.archived");
            });
        }
        assertThat(counts()).isEqualTo(before);
    }

    // ------------------------------------------------------------------ data scope

    @Test
    void staffSeeTheirDepartmentsCasesAndOtherCentresSeeNothing() {
        CaseView c = as(o.clerk(), () -> CasesFixture.accepted(cases, o, committed));
        assertThat(as(o.medicalHead(), () -> cases.get(c.number())).number()).isEqualTo(c.number());
        assertThat(as(o.supervisor(), () -> cases.get(c.number())).number()).isEqualTo(c.number());
        assertThatThrownBy(() -> as(o.employmentHead(), () -> cases.get(c.number())))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.NOT_FOUND));
        OrgFixture.Org other = OrgFixture.create(orgCommands, accounts);
        assertThatThrownBy(() -> as(other.office(), () -> cases.get(c.number())))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.NOT_FOUND));
        assertThatThrownBy(() -> as(o.supervisor(), () -> cases.suspend(c.number(), SuspensionReason.HEARING, null)))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        // SEC-2: the department head reads it masked, the clerk who received it in full (audited)
        CaseView masked = as(o.medicalHead(), () -> cases.read(c.number()));
        assertThat(masked.applicant().idNumber()).contains("*").isNotEqualTo(c.applicant().idNumber());
        assertThat(masked.applicant().mobile()).contains("****");
        long reads = jdbc.sql("select count(*) from audit_log where action = 'READ_PERSONAL_DATA' and entity_id = :n")
                .param("n", c.number()).query(Long.class).single();
        CaseView full = as(o.clerk(), () -> cases.read(c.number()));
        assertThat(full.applicant().idNumber()).isEqualTo(c.applicant().idNumber());
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'READ_PERSONAL_DATA' and entity_id = :n")
                .param("n", c.number()).query(Long.class).single()).isEqualTo(reads + 1);
    }

    @Test
    void workListsAreScopedAndMostUrgentFirst() {
        CaseView late = CasesFixture.processing(cases, o, committed);
        CLOCK.advance(Duration.ofDays(1));
        CaseView instant = CasesFixture.processing(cases, o, CatalogFixture.instant(catalog, o));
        CaseView red = CasesFixture.processing(cases, o, committed);
        jdbc.sql("update cas_case set warning_level = 'RED' where number = :n").param("n", red.number()).update();
        CaseView corr = CasesFixture.correctionRequired(cases, o, committed, "M02");
        CaseView done = CasesFixture.completed(cases, o, committed, CaseResult.APPROVED);
        long handler = CasesFixture.handlerOf(o, o.medical());
        List<CaseApi.CaseSummary> work = as(o.office(), () -> cases.list(CaseCommands.CaseQuery.workList(handler)));
        assertThat(work).extracting(CaseApi.CaseSummary::number).containsExactly(red.number(), instant.number(), late.number());
        List<CaseApi.CaseSummary> open = as(o.medicalHead(), () -> cases.list(CaseCommands.CaseQuery.open()));
        assertThat(open).extracting(CaseApi.CaseSummary::number).contains(corr.number()).doesNotContain(done.number());
        assertThat(as(o.employmentHead(), () -> cases.list(CaseCommands.CaseQuery.open()))).isEmpty();
        OrgFixture.Org other = OrgFixture.create(orgCommands, accounts);
        assertThat(as(other.office(), () -> cases.list(CaseCommands.CaseQuery.open()))).isEmpty();
        assertThat(as(other.office(), () -> cases.list(new CaseCommands.CaseQuery(o.centreId(), Set.of(), null, null, null,
                null, 10)))).isEmpty();
    }

    @Test
    void supplementsMayBringScannedDocumentsAndTheApplicantReservesANumberWithoutLogin() {
        CaseView c = CasesFixture.correctionRequired(cases, o, committed, "M02");
        byte[] pdf = "%PDF-1.7 scan".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        cases.supplement(c.number(), List.of(new MaterialCheck("M02", MaterialState.RECEIVED, null)), null,
                List.of(new CaseCommands.Upload("M02", "申请表.pdf", "application/pdf", pdf)));
        assertThat(jdbc.sql("select file_name from cas_document where case_id = :c").param("c", c.id()).query(String.class)
                .single()).isEqualTo("申请表.pdf");
        CaseView other = CasesFixture.correctionRequired(cases, o, committed, "M02");
        Map<String, Long> before = counts();
        assertThat(kindOf(() -> cases.supplement(other.number(), List.of(new MaterialCheck("M02", MaterialState.RECEIVED, null)),
                null, List.of(new CaseCommands.Upload("M02", "run.exe", "application/x-msdownload", pdf)))))
                .isEqualTo(DomainException.Kind.INVALID);
        assertThat(counts()).isEqualTo(before);

        // the online applicant is not signed in: reserving a number inside an anonymous web request works
        org.springframework.web.context.request.RequestContextHolder.setRequestAttributes(
                new org.springframework.web.context.request.ServletRequestAttributes(
                        new org.springframework.mock.web.MockHttpServletRequest()));
        try {
            assertThat(cases.reserveNumber(o.centreId())).startsWith(o.code() + "-20260928-");
        } finally {
            org.springframework.web.context.request.RequestContextHolder.resetRequestAttributes();
        }
    }

    // ------------------------------------------------------------------ concurrency

    @Test
    void parallelIntakesNeverShareANumberAndParallelCompletionsHaveOneWinner() throws Exception {
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<String> numbers = race(pool, threads, i -> CasesFixture.accepted(cases, o, committed).number());
            assertThat(new HashSet<>(numbers)).hasSize(threads);
            assertThat(numbers).allSatisfy(n -> assertThat(n).startsWith(o.code() + "-20260928-"));
            // a reservation in between never repeats a number either
            Set<String> all = new HashSet<>(numbers);
            assertThat(all.add(cases.reserveNumber(o.centreId()))).isTrue();

            CaseView c = CasesFixture.processing(cases, o, committed);
            List<Object> outcomes = race(pool, threads, i -> {
                try {
                    return cases.complete(c.number(), CaseResult.APPROVED, null, null);
                } catch (DomainException e) {
                    return e.kind();
                }
            });
            assertThat(outcomes.stream().filter(x -> x instanceof CaseView)).hasSize(1);
            assertThat(outcomes.stream().filter(x -> x == DomainException.Kind.CONFLICT)).hasSize(threads - 1);
            assertThat(jdbc.sql("select count(*) from cas_step where case_id = :c and kind = 'DECISION'").param("c", c.id())
                    .query(Long.class).single()).isEqualTo(1);
            assertThat(jdbc.sql("select count(*) from cas_notice where case_id = :c and kind = 'DECISION'").param("c", c.id())
                    .query(Long.class).single()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    interface Task<T> {
        T run(int i) throws Exception;
    }

    static <T> List<T> race(ExecutorService pool, int threads, Task<T> task) throws Exception {
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            int n = i;
            Callable<T> c = () -> {
                ready.countDown();
                go.await();
                return task.run(n);
            };
            futures.add(pool.submit(c));
        }
        ready.await(30, TimeUnit.SECONDS);
        go.countDown();
        List<T> results = new ArrayList<>();
        for (Future<T> f : futures) {
            results.add(f.get(60, TimeUnit.SECONDS));
        }
        return results;
    }
}
