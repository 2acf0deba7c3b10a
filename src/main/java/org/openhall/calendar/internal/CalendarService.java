package org.openhall.calendar.internal;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.openhall.calendar.CalendarApi;
import org.openhall.calendar.CalendarDay;
import org.openhall.calendar.Deadline;
import org.openhall.calendar.OpeningHours;
import org.openhall.calendar.SpecialDay;
import org.openhall.calendar.Suspension;
import org.openhall.security.AuditTrail;
import org.openhall.security.CurrentUsers;
import org.openhall.shared.DomainException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The calendars of the installation: the national one and one per registered centre (CAL-1..3).
 * Computed calendars ({@link WorkingCalendar}) are cached in memory and rebuilt after every change
 * (on this node at commit, on other nodes after {@code openhall.calendar.cache-ttl}).
 */
@Service
public class CalendarService implements CalendarApi {

    static final String NATIONAL = "";

    private final CalendarStore store;
    private final AuditTrail audit;
    private final CurrentUsers users;
    private final Clock clock;
    private final CalendarProperties properties;
    private final ZoneId defaultZone;
    private final HolidayFileParser parser = new HolidayFileParser();
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(WorkingCalendar calendar, Instant builtAt) {
    }

    CalendarService(CalendarStore store, AuditTrail audit, CurrentUsers users, Clock clock, CalendarProperties properties,
            @Value("${openhall.default-zone:Asia/Shanghai}") String defaultZone) {
        this.store = store;
        this.audit = audit;
        this.users = users;
        this.clock = clock;
        this.properties = properties;
        this.defaultZone = ZoneId.of(properties.zone() == null || properties.zone().isBlank() ? defaultZone : properties.zone());
    }

    // ------------------------------------------------------------------ reading

    /** The computed calendar of a centre, or the national one for a {@code null}/blank code. */
    public WorkingCalendar calendar(@Nullable String centreCode) {
        String key = centreCode == null || centreCode.isBlank() ? NATIONAL : centreCode.strip();
        Instant now = clock.instant();
        Cached cached = cache.get(key);
        if (cached != null && now.isBefore(cached.builtAt().plus(properties.cacheTtl()))) {
            return cached.calendar();
        }
        WorkingCalendar built = build(key);
        cache.put(key, new Cached(built, now));
        return built;
    }

    private WorkingCalendar build(String key) {
        SortedSet<Integer> years = store.years();
        List<SpecialDay> national = store.nationalDays();
        if (NATIONAL.equals(key)) {
            return WorkingCalendar.of(years, national, List.of(), false, defaultZone);
        }
        CalendarStore.Centre centre = requireCentre(key);
        List<SpecialDay> local = store.centreDays(centre.id()).stream().map(CalendarStore.CentreDay::day).toList();
        return WorkingCalendar.of(years, national, local, centre.weekdayFallback(), centre.zone());
    }

    CalendarStore.Centre requireCentre(String code) {
        return store.centre(code).orElseThrow(() -> DomainException.notFound("calendar.centre.unknown", code));
    }

    public Optional<Centre> centre(String code) {
        return store.centre(code).map(CalendarService::view);
    }

    public Optional<Centre> centre(long id) {
        return store.centre(id).map(CalendarService::view);
    }

    public List<Centre> centres() {
        return store.centres().stream().map(CalendarService::view).toList();
    }

    public List<CentreDayView> centreDays(String code) {
        return store.centreDays(requireCentre(code).id()).stream()
                .map(d -> new CentreDayView(d.id(), d.day())).toList();
    }

    /** A loaded year with where it came from. */
    public Optional<YearInfo> yearInfo(int year) {
        return store.year(year).map(y -> new YearInfo(y.year(), y.source(), y.papers(), y.loadedAt(), y.loadedBy()));
    }

    public ZoneId defaultZone() {
        return defaultZone;
    }

    /** A centre's calendar settings, for the page. */
    public record Centre(long id, String code, String name, boolean weekdayFallback, OpeningHours hours, ZoneId zone) {
    }

    /** One of a centre's own days. */
    public record CentreDayView(long id, SpecialDay day) {
    }

    /** A loaded year: BUILT_IN or IMPORT, the notice, when and by whom. */
    public record YearInfo(int year, String source, List<String> papers, Instant loadedAt, String loadedBy) {
    }

    private static Centre view(CalendarStore.Centre c) {
        return new Centre(c.id(), c.code(), c.name(), c.weekdayFallback(), c.hours(), c.zone());
    }

    // ------------------------------------------------------------------ CalendarApi

    @Override
    @Transactional
    public void registerCentre(long centreId, String code, String name) {
        register(centreId, code, name, null);
    }

    @Override
    @Transactional
    public void registerCentre(long centreId, String code, String name, ZoneId zone) {
        register(centreId, code, name, zone);
    }

    /** Registers or updates a centre; {@code zone} null = the default for a new centre, unchanged for a known one. */
    private void register(long centreId, String code, String name, @Nullable ZoneId zone) {
        String c = code == null ? "" : code.strip();
        String n = name == null ? "" : name.strip();
        if (c.isEmpty() || c.length() > 32) {
            throw DomainException.invalid("code", "calendar.centre.code.invalid");
        }
        if (n.isEmpty() || n.length() > 100) {
            throw DomainException.invalid("name", "calendar.centre.name.invalid");
        }
        if (store.codeTakenByOther(c, centreId)) {
            throw DomainException.conflict("calendar.centre.code.taken", c);
        }
        Instant now = clock.instant();
        Optional<CalendarStore.Centre> existing = store.centre(centreId);
        if (existing.isEmpty()) {
            OpeningHours hours = new OpeningHours(properties.opens(), properties.closes());
            store.insertCentre(centreId, c, n, hours, zone != null ? zone : defaultZone, now);
            audit.record(centreId, "CalendarCentre", String.valueOf(centreId), "CREATE", null,
                    store.centre(centreId).orElseThrow());
        } else if (!existing.get().code().equals(c) || !existing.get().name().equals(n)
                || (zone != null && !existing.get().zone().equals(zone))) {
            CalendarStore.Centre e = existing.get();
            store.renameCentre(centreId, c, n, now);
            if (zone != null && !e.zone().equals(zone)) {
                store.updateSettings(centreId, e.weekdayFallback(), e.hours(), zone, now);
            }
            audit.record(centreId, "CalendarCentre", String.valueOf(centreId), "UPDATE", existing.get(),
                    store.centre(centreId).orElseThrow());
        } else {
            return;
        }
        invalidateAfterCommit();
    }

    @Override
    public boolean isWorkingDay(@Nullable String centreCode, LocalDate date) {
        return calendar(centreCode).isWorkingDay(date);
    }

    @Override
    public CalendarDay day(@Nullable String centreCode, LocalDate date) {
        return calendar(centreCode).day(date);
    }

    @Override
    public List<CalendarDay> days(@Nullable String centreCode, LocalDate from, LocalDate to) {
        return calendar(centreCode).days(from, to);
    }

    @Override
    public LocalDate addWorkingDays(@Nullable String centreCode, LocalDate from, int n) {
        return calendar(centreCode).addWorkingDays(from, n);
    }

    @Override
    public int workingDaysBetween(@Nullable String centreCode, LocalDate fromExclusive, LocalDate toInclusive) {
        return calendar(centreCode).workingDaysBetween(fromExclusive, toInclusive);
    }

    @Override
    public Deadline deadline(@Nullable String centreCode, Instant start, int workingDays, List<Suspension> suspensions) {
        return calendar(centreCode).deadline(start, workingDays, suspensions);
    }

    @Override
    public int workingDaysUsed(@Nullable String centreCode, Instant start, List<Suspension> suspensions, Instant at) {
        return calendar(centreCode).workingDaysUsed(start, suspensions, at);
    }

    @Override
    public OpeningHours openingHours(String centreCode) {
        return requireCentre(centreCode).hours();
    }

    @Override
    public ZoneId zone(@Nullable String centreCode) {
        return calendar(centreCode).zone();
    }

    @Override
    public SortedSet<Integer> loadedYears() {
        return calendar(null).loadedYears();
    }

    // ------------------------------------------------------------------ changes

    /**
     * Imports a year file (holiday-cn shape) as the national arrangement of its year, replacing what was
     * loaded for that year. Refused as a whole, with every problem listed, if the file is not valid.
     */
    @Transactional
    public ImportReport importYear(byte[] content) {
        HolidayFile file = parser.parse(content);
        return load(file, "IMPORT", false).orElseThrow();
    }

    /**
     * Loads a parsed year. With {@code onlyIfAbsent} (the built-in years at start-up) an existing year is left alone,
     * so that a correction imported by the centre office is never overwritten by the shipped file.
     */
    @Transactional
    public Optional<ImportReport> load(HolidayFile file, String source, boolean onlyIfAbsent) {
        int year = file.year();
        Instant now = clock.instant();
        String actor = users.actorName();
        boolean inserted = store.insertYearIfAbsent(year, source, file.papers(), now, actor);
        if (!inserted && onlyIfAbsent) {
            return Optional.empty();
        }
        List<SpecialDay> before = inserted ? List.of() : store.nationalDays(year);
        Integer workingBefore = inserted ? null
                : WorkingCalendar.of(List.of(year), before, List.of(), false, defaultZone).workingDaysInYear(year);
        int workingAfter = WorkingCalendar.of(List.of(year), file.days(), List.of(), false, defaultZone).workingDaysInYear(year);
        if (!inserted) {
            store.updateYear(year, source, file.papers(), now, actor);
        }
        store.replaceNationalDays(year, file.days(), now);
        ImportReport report = ImportReport.compare(year, inserted, before, file.days(), workingBefore, workingAfter);
        audit.record(null, "CalendarYear", String.valueOf(year), inserted ? "CREATE" : "IMPORT",
                inserted ? null : Map.of("days", before, "workingDays", workingBefore),
                Map.of("source", source, "papers", file.papers(), "days", file.days(), "workingDays", workingAfter));
        invalidateAfterCommit();
        return Optional.of(report);
    }

    /** Changes a centre's weekday fallback, opening hours and zone (CAL-1, CAL-2). */
    @Transactional
    public void updateSettings(String centreCode, boolean weekdayFallback, OpeningHours hours, String zone) {
        CalendarStore.Centre before = requireCentre(centreCode);
        ZoneId zoneId;
        try {
            zoneId = ZoneId.of(zone.strip());
        } catch (DateTimeException e) {
            throw DomainException.invalid("zone", "calendar.settings.zone.invalid", zone);
        }
        store.updateSettings(before.id(), weekdayFallback, hours, zoneId, clock.instant());
        audit.record(before.id(), "CalendarCentre", String.valueOf(before.id()), "UPDATE", before,
                store.centre(before.id()).orElseThrow());
        invalidateAfterCommit();
    }

    /** Adds a day of the centre's own over the national arrangement (CAL-1), e.g. a local holiday. */
    @Transactional
    public long addCentreDay(String centreCode, SpecialDay day) {
        CalendarStore.Centre centre = requireCentre(centreCode);
        if (day.name().isBlank() || day.name().strip().length() > HolidayFileParser.MAX_NAME) {
            throw DomainException.invalid("name", "calendar.day.name.invalid", String.valueOf(HolidayFileParser.MAX_NAME));
        }
        if (day.date().getYear() < WorkingCalendar.MIN_YEAR || day.date().getYear() > WorkingCalendar.MAX_YEAR) {
            throw DomainException.invalid("date", "calendar.date.outOfRange", String.valueOf(WorkingCalendar.MIN_YEAR),
                    String.valueOf(WorkingCalendar.MAX_YEAR));
        }
        boolean exists = store.centreDays(centre.id()).stream().anyMatch(d -> d.day().date().equals(day.date()));
        if (exists) {
            throw DomainException.invalid("date", "calendar.day.exists", day.date().toString());
        }
        SpecialDay clean = new SpecialDay(day.date(), day.offDay(), day.name().strip());
        long id = store.insertCentreDay(centre.id(), clean, clock.instant(), users.actorName());
        audit.record(centre.id(), "CalendarCentreDay", String.valueOf(id), "CREATE", null, clean);
        invalidateAfterCommit();
        return id;
    }

    /** Removes (deactivates) one of the centre's own days. */
    @Transactional
    public void removeCentreDay(String centreCode, long dayId) {
        CalendarStore.Centre centre = requireCentre(centreCode);
        CalendarStore.CentreDay day = store.centreDays(centre.id()).stream().filter(d -> d.id() == dayId).findFirst()
                .orElseThrow(() -> DomainException.notFound("calendar.day.unknown", String.valueOf(dayId)));
        store.removeCentreDay(centre.id(), dayId, clock.instant(), users.actorName());
        audit.record(centre.id(), "CalendarCentreDay", String.valueOf(dayId), "DEACTIVATE", day.day(), null);
        invalidateAfterCommit();
    }

    /** Drops every cached calendar now and again when the current transaction commits. */
    void invalidateAfterCommit() {
        cache.clear();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    cache.clear();
                }
            });
        }
    }

    /** The cache lifetime, for tests and the page. */
    Duration cacheTtl() {
        return properties.cacheTtl();
    }
}
