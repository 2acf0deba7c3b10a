package org.openhall.calendar.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * CAL-3: the official arrangements shipped with OpenHall ({@code classpath:calendar/holidays/*.json}:
 * 2025 from 国办发明电〔2024〕12号, 2026 from 国办发明电〔2025〕7号) are loaded into the database at
 * start-up, once: a year already in the database (loaded before, or imported with corrections) is left
 * as it is. Loading from the JSON resources (rather than an SQL migration) keeps one copy of the data,
 * in the same format and through the same validation as an import.
 */
@Component
class BuiltInYears implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(BuiltInYears.class);
    static final String LOCATION = "classpath*:calendar/holidays/*.json";

    private final CalendarService calendars;
    private final TransactionTemplate tx;
    private final HolidayFileParser parser = new HolidayFileParser();

    BuiltInYears(CalendarService calendars, TransactionTemplate tx) {
        this.calendars = calendars;
        this.tx = tx;
    }

    @Override
    public void afterSingletonsInstantiated() {
        try {
            for (Resource r : new PathMatchingResourcePatternResolver().getResources(LOCATION)) {
                HolidayFile file;
                try (InputStream in = r.getInputStream()) {
                    file = parser.parse(in.readAllBytes());
                }
                try {
                    tx.executeWithoutResult(s -> calendars.load(file, "BUILT_IN", true)
                            .ifPresent(report -> log.info("Loaded the built-in working-day calendar of {}", file.year())));
                } catch (DuplicateKeyException e) {
                    log.info("The working-day calendar of {} was loaded concurrently by another node", file.year());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the built-in calendars " + LOCATION, e);
        }
    }
}
