package org.openhall.demo;

import java.time.Clock;
import org.openhall.calendar.CalendarApi;
import org.openhall.catalog.CatalogCommands;
import org.openhall.organization.OrganizationApi;
import org.openhall.organization.OrganizationCommands;
import org.openhall.security.UserAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the demo centre on the first start with {@code openhall.demo.enabled=true}: only while no
 * centre exists, in one transaction (all or nothing), audited as {@code system}.
 */
@Component
@ConditionalOnProperty("openhall.demo.enabled")
class DemoDataLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    private final OrganizationApi organization;
    private final OrganizationCommands commands;
    private final UserAccounts accounts;
    private final TransactionTemplate transactions;
    private final CatalogCommands catalog;
    private final Clock clock;
    private final DemoCaseSources caseSources;
    private final DemoQueueSources queueSources;
    private final DemoLeaveSources leaveSources;
    private final CalendarApi calendar;
    private final DemoDutyDay.Sources dutySources;
    private final DemoAttendanceSources attendanceSources;
    private final DemoLeaderSources leaderSources;
    private final DemoDutySources rosterSources;

    DemoDataLoader(OrganizationApi organization, OrganizationCommands commands, UserAccounts accounts,
            TransactionTemplate transactions, CatalogCommands catalog, Clock clock, DemoCaseSources caseSources,
            DemoQueueSources queueSources, DemoLeaveSources leaveSources, CalendarApi calendar,
            DemoDutyDay.Sources dutySources, DemoAttendanceSources attendanceSources,
            DemoLeaderSources leaderSources, DemoDutySources rosterSources) {
        this.rosterSources = rosterSources;
        this.leaderSources = leaderSources;
        this.attendanceSources = attendanceSources;
        this.organization = organization;
        this.commands = commands;
        this.accounts = accounts;
        this.transactions = transactions;
        this.catalog = catalog;
        this.clock = clock;
        this.caseSources = caseSources;
        this.queueSources = queueSources;
        this.leaveSources = leaveSources;
        this.calendar = calendar;
        this.dutySources = dutySources;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!organization.centres().isEmpty() || organization.centreByCode(DemoCentre.CODE).isPresent()) {
            log.info("Demo data not loaded: a centre exists already");
            return;
        }
        transactions.executeWithoutResult(status -> {
            DemoCentre.load(commands, accounts);
            DemoCatalog.load(catalog, organization, clock);
            int made = DemoCases.load(caseSources.cases(), caseSources.catalog(), organization, caseSources.calendar(),
                    caseSources.users(), clock);
            log.info("Demo centre: {} cases made", made);
            DemoQueue.load(queueSources.services(), queueSources.devices(), organization, caseSources.catalog());
            log.info("Demo centre: {} leave requests made", DemoLeave.load(leaveSources, organization, calendar, accounts,
                    clock));
            int signIns = DemoAttendance.load(attendanceSources.attendance(), attendanceSources.commands(),
                    attendanceSources.leave(), organization,
                    caseSources.calendar(), clock);
            log.info("Demo centre: {} days of attendance signed", signIns);
            // the roster after the attendance of the past days (whose duty hours it sets) and before the supervisors' days
            DemoDuty.load(rosterSources.rosters(), rosterSources.swaps(), organization,
                    organization.centreByCode(DemoCentre.CODE).orElseThrow().id());
            DemoDutyDay.load(dutySources, organization, clock);
            DemoLeaders.load(leaderSources, organization, caseSources.calendar(), caseSources.users(), clock);
        });
        log.warn("Demo centre {} loaded with logins admin, office, leader, leader2, depthead, supervisor, clerk; password '{}'. "
                + "Change these passwords (or disable the accounts) on any real installation.",
                DemoCentre.CODE, DemoCentre.PASSWORD);
    }
}
