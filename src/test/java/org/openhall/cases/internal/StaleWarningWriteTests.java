package org.openhall.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openhall.cases.WarningLevel;
import org.openhall.cases.WarningTestCases;
import org.openhall.organization.OrgFixture;
import org.openhall.organization.OrganizationCommands;
import org.openhall.security.UserAccounts;
import org.openhall.test.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * CASE-5: the 电子监察 scan raises a level without touching the case's version, so a command that read the case before
 * the scan and writes it after must not write its stale level back (that would undo the raise and the next scan would
 * send the same warning again). Only a command that moved the due date later lowers the level.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "openhall.cases.warnings.enabled=false")
class StaleWarningWriteTests {

    static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-09-30T01:00:00Z"));

    @TestConfiguration
    static class Config {
        @Bean
        @Primary
        Clock testClock() {
            return CLOCK;
        }
    }

    @Autowired
    CaseStore store;
    @Autowired
    WarningScan scan;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    OrganizationCommands commands;
    @Autowired
    UserAccounts accounts;
    @Autowired
    TransactionTemplate tx;

    @Test
    void aCommandThatReadTheCaseBeforeTheScanKeepsTheRaisedLevel() {
        OrgFixture.Org o = OrgFixture.create(commands, accounts);
        WarningTestCases cases = new WarningTestCases(jdbc, o.centreId());
        long overdue = cases.processing("YB-101", "异地就医备案", o.medical(), o.medicalStaff()[1],
                LocalDate.parse("2026-09-29"));

        CaseRecord readBeforeScan = store.findById(overdue).orElseThrow();
        assertThat(scan.scan(o.centreId()).redRaised()).isEqualTo(1);
        assertThat(cases.level(overdue)).isEqualTo(WarningLevel.RED);

        // the command goes on with what it read: a new handler, the due date unchanged
        readBeforeScan.handlerStaffId = o.medicalStaff()[0];
        tx.executeWithoutResult(s -> store.update(readBeforeScan));

        assertThat(cases.level(overdue)).isEqualTo(WarningLevel.RED);
        assertThat(jdbc.sql("select handler_staff_id from cas_case where id = :id").param("id", overdue)
                .query(Long.class).single()).isEqualTo(o.medicalStaff()[0]);
        // and the next scan raises nothing again
        assertThat(scan.scan(o.centreId()).redRaised()).isZero();
    }

    @Test
    void aCommandThatMovedTheDueDateLaterLowersTheLevel() {
        OrgFixture.Org o = OrgFixture.create(commands, accounts);
        WarningTestCases cases = new WarningTestCases(jdbc, o.centreId());
        long overdue = cases.processing("YB-102", "异地就医备案", o.medical(), o.medicalStaff()[1],
                LocalDate.parse("2026-09-29"));
        scan.scan(o.centreId());
        assertThat(cases.level(overdue)).isEqualTo(WarningLevel.RED);

        CaseRecord c = store.findById(overdue).orElseThrow();
        c.dueDate = LocalDate.parse("2026-10-20");
        c.warningLevel = WarningLevel.NONE;
        c.warningAt = null;
        c.warningReset = true;
        tx.executeWithoutResult(s -> store.update(c));

        assertThat(cases.level(overdue)).isEqualTo(WarningLevel.NONE);
    }
}
