package org.openhall.demo;

import org.openhall.calendar.CalendarApi;
import org.openhall.cases.internal.CaseCommands;
import org.openhall.catalog.CatalogApi;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/** What {@link DemoCases} works with: the case commands, the catalogue, the calendar and the demo logins. */
@Component
@ConditionalOnProperty("openhall.demo.enabled")
record DemoCaseSources(CaseCommands cases, CatalogApi catalog, CalendarApi calendar, UserDetailsService users) {
}
