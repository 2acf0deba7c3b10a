package org.openhall.demo;

import java.time.Clock;
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
    private final DemoDutySources dutySources;

    DemoDataLoader(OrganizationApi organization, OrganizationCommands commands, UserAccounts accounts,
            TransactionTemplate transactions, CatalogCommands catalog, Clock clock, DemoCaseSources caseSources,
            DemoQueueSources queueSources, DemoDutySources dutySources) {
        this.organization = organization;
        this.commands = commands;
        this.accounts = accounts;
        this.transactions = transactions;
        this.catalog = catalog;
        this.clock = clock;
        this.caseSources = caseSources;
        this.queueSources = queueSources;
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
            DemoDuty.load(dutySources.rosters(), dutySources.swaps(), organization,
                    organization.centreByCode(DemoCentre.CODE).orElseThrow().id());
        });
        log.warn("Demo centre {} loaded with logins admin, office, leader, depthead, supervisor, clerk; password '{}'. "
                + "Change these passwords (or disable the accounts) on any real installation.",
                DemoCentre.CODE, DemoCentre.PASSWORD);
    }
}
