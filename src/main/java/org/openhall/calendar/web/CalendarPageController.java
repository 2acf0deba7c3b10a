package org.openhall.calendar.web;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.openhall.calendar.CalendarDay;
import org.openhall.calendar.OpeningHours;
import org.openhall.calendar.SpecialDay;
import org.openhall.calendar.internal.CalendarService;
import org.openhall.calendar.internal.ImportReport;
import org.openhall.calendar.internal.ImportValidationException;
import org.openhall.calendar.internal.WorkingCalendar;
import org.openhall.security.CurrentUser;
import org.openhall.security.CurrentUsers;
import org.openhall.security.Role;
import org.openhall.shared.DomainException;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The page {@code /calendar} (CAL-1, issue #2 item 7): any signed-in staff member views a year of the
 * national or a centre's calendar; only ADMIN imports year files, because a national year applies to every
 * centre of the installation (SEC-1 data scope); ADMIN and CENTRE_OFFICE change the settings and own days of
 * a centre (CENTRE_OFFICE only their own centre).
 */
@Controller
class CalendarPageController {

    static final String VIEW = "calendar/index";

    /** The settings form of a centre (CAL-1 fallback, CAL-2 opening hours, zone). */
    public static final class SettingsForm {
        private boolean weekdayFallback;
        @DateTimeFormat(pattern = "HH:mm")
        private @Nullable LocalTime opens;
        @DateTimeFormat(pattern = "HH:mm")
        private @Nullable LocalTime closes;
        private @Nullable String zone;

        public boolean isWeekdayFallback() { return weekdayFallback; }
        public void setWeekdayFallback(boolean v) { weekdayFallback = v; }
        public @Nullable LocalTime getOpens() { return opens; }
        public void setOpens(@Nullable LocalTime v) { opens = v; }
        public @Nullable LocalTime getCloses() { return closes; }
        public void setCloses(@Nullable LocalTime v) { closes = v; }
        public @Nullable String getZone() { return zone; }
        public void setZone(@Nullable String v) { zone = v; }
    }

    /** A centre's own day. */
    public static final class DayForm {
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private @Nullable LocalDate date;
        private String kind = "off";
        private @Nullable String name;

        public @Nullable LocalDate getDate() { return date; }
        public void setDate(@Nullable LocalDate v) { date = v; }
        public String getKind() { return kind; }
        public void setKind(String v) { kind = v; }
        public @Nullable String getName() { return name; }
        public void setName(@Nullable String v) { name = v; }
    }

    private final CalendarService calendars;
    private final CurrentUsers users;
    private final Clock clock;
    private final MessageSource messages;

    CalendarPageController(CalendarService calendars, CurrentUsers users, Clock clock, MessageSource messages) {
        this.calendars = calendars;
        this.users = users;
        this.clock = clock;
        this.messages = messages;
    }

    @GetMapping("/calendar")
    String show(HttpServletRequest request, @RequestParam(required = false) @Nullable Integer year,
            @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx, Model model) {
        populate(model, selectCentre(request), year);
        return htmx != null ? VIEW + " :: page" : VIEW;
    }

    // ------------------------------------------------------------------ national import

    @PostMapping("/calendar/import")
    @PreAuthorize("hasRole('ADMIN')") // the national year of every centre (SEC-1): not a centre's office
    String importYear(@RequestParam(value = "file", required = false) @Nullable MultipartFile file,
            HttpServletRequest request, @RequestParam(required = false) @Nullable Integer year,
            Model model, RedirectAttributes redirect, Locale locale) throws IOException {
        String centreCode = selectCentre(request);
        List<String> errors = new ArrayList<>();
        if (file == null || file.isEmpty()) {
            errors.add(messages.getMessage("calendar.import.file.missing", null, locale));
        } else {
            try {
                ImportReport report = calendars.importYear(file.getBytes());
                redirect.addFlashAttribute("importReport", report);
                return "redirect:" + url(centreCode, report.year());
            } catch (ImportValidationException e) {
                for (ImportValidationException.Problem p : e.problems()) {
                    errors.add(messages.getMessage(p.key(), p.arguments(), p.key(), locale));
                }
            }
        }
        model.addAttribute("importErrors", errors);
        model.addAttribute("importFileName", file == null ? null : file.getOriginalFilename());
        populate(model, centreCode, year);
        return VIEW;
    }

    // ------------------------------------------------------------------ centre settings and own days

    @PostMapping("/calendar/centres/{code}/settings")
    @PreAuthorize("hasAnyRole('ADMIN','CENTRE_OFFICE')")
    String saveSettings(@PathVariable String code, @RequestParam(required = false) @Nullable Integer year,
            @ModelAttribute("settings") SettingsForm form, BindingResult errors, Model model, RedirectAttributes redirect,
            Locale locale) {
        CalendarService.Centre c = editableCentre(code);
        if (form.getOpens() == null && !errors.hasFieldErrors("opens")) {
            errors.rejectValue("opens", "calendar.settings.opens.required");
        }
        if (form.getCloses() == null && !errors.hasFieldErrors("closes")) {
            errors.rejectValue("closes", "calendar.settings.closes.required");
        }
        if (form.getOpens() != null && form.getCloses() != null && !form.getCloses().isAfter(form.getOpens())) {
            errors.rejectValue("closes", "calendar.settings.closes.beforeOpens");
        }
        if (form.getZone() == null || form.getZone().isBlank()) {
            errors.rejectValue("zone", "calendar.settings.zone.required");
        }
        if (!errors.hasErrors()) {
            try {
                calendars.updateSettings(c.code(), form.isWeekdayFallback(),
                        new OpeningHours(form.getOpens(), form.getCloses()), form.getZone());
                redirect.addFlashAttribute("flash", messages.getMessage("calendar.settings.saved", null, locale));
                return "redirect:" + url(c.code(), year);
            } catch (DomainException e) {
                errors.rejectValue(e.field() == null ? "zone" : e.field(), e.messageKey(), e.args(), e.messageKey());
            }
        }
        populate(model, c.code(), year);
        return VIEW;
    }

    @PostMapping("/calendar/centres/{code}/days")
    @PreAuthorize("hasAnyRole('ADMIN','CENTRE_OFFICE')")
    String addDay(@PathVariable String code, @RequestParam(required = false) @Nullable Integer year,
            @ModelAttribute("dayForm") DayForm form, BindingResult errors, Model model, RedirectAttributes redirect,
            Locale locale) {
        CalendarService.Centre c = editableCentre(code);
        if (form.getDate() == null && !errors.hasFieldErrors("date")) {
            errors.rejectValue("date", "calendar.day.date.required");
        }
        if (form.getName() == null || form.getName().isBlank()) {
            errors.rejectValue("name", "calendar.day.name.required");
        }
        if (!List.of("off", "working").contains(form.getKind())) {
            errors.rejectValue("kind", "calendar.day.kind.invalid");
        }
        if (!errors.hasErrors()) {
            try {
                calendars.addCentreDay(c.code(), new SpecialDay(form.getDate(), "off".equals(form.getKind()), form.getName()));
                redirect.addFlashAttribute("flash", messages.getMessage("calendar.day.added", null, locale));
                return "redirect:" + url(c.code(), form.getDate().getYear());
            } catch (DomainException e) {
                errors.rejectValue(e.field() == null ? "date" : e.field(), e.messageKey(), e.args(), e.messageKey());
            }
        }
        populate(model, c.code(), year);
        return VIEW;
    }

    @PostMapping("/calendar/centres/{code}/days/{id}/remove")
    @PreAuthorize("hasAnyRole('ADMIN','CENTRE_OFFICE')")
    String removeDay(@PathVariable String code, @PathVariable long id, @RequestParam(required = false) @Nullable Integer year,
            RedirectAttributes redirect, Locale locale) {
        CalendarService.Centre c = editableCentre(code);
        calendars.removeCentreDay(c.code(), id);
        redirect.addFlashAttribute("flash", messages.getMessage("calendar.day.removed", null, locale));
        return "redirect:" + url(c.code(), year);
    }

    /** A refusal on a page (unknown centre or day): the error page with the matching status. */
    @ExceptionHandler(DomainException.class)
    void refused(DomainException e, HttpServletResponse response) throws IOException {
        response.sendError(e.httpStatus());
    }

    // ------------------------------------------------------------------ model

    /**
     * The centre shown: the one asked for ({@code centre=} empty = national); without the parameter, the user's
     * own centre if the calendar knows it. Read from the request itself, because form binding turns "" into null.
     */
    private @Nullable String selectCentre(HttpServletRequest request) {
        String requested = request.getParameter("centre");
        if (requested != null) {
            return requested.isBlank() ? null : requested.strip();
        }
        Long own = users.current().map(CurrentUser::centreId).orElse(null);
        return own == null ? null : calendars.centre(own).map(CalendarService.Centre::code).orElse(null);
    }

    private CalendarService.Centre editableCentre(String code) {
        CalendarService.Centre c = calendars.centre(code)
                .orElseThrow(() -> DomainException.notFound("calendar.centre.unknown", code));
        if (!canEdit(c)) {
            throw new AccessDeniedException("centre " + code);
        }
        return c;
    }

    private boolean canEdit(CalendarService.Centre c) {
        CurrentUser user = users.require();
        return user.hasRole(Role.ADMIN) || (user.hasRole(Role.CENTRE_OFFICE) && user.centreId() != null && user.centreId() == c.id());
    }

    private void populate(Model model, @Nullable String centreCode, @Nullable Integer requestedYear) {
        Optional<CalendarService.Centre> centre = centreCode == null ? Optional.empty() : calendars.centre(centreCode);
        if (centreCode != null && centre.isEmpty()) {
            throw DomainException.notFound("calendar.centre.unknown", centreCode);
        }
        WorkingCalendar calendar = calendars.calendar(centreCode);
        ZoneId zone = calendar.zone();
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        SortedSet<Integer> loaded = calendar.loadedYears();
        int year = requestedYear != null ? requestedYear
                : loaded.contains(today.getYear()) || loaded.isEmpty() ? today.getYear() : loaded.last();
        if (year < WorkingCalendar.MIN_YEAR || year > WorkingCalendar.MAX_YEAR) {
            year = today.getYear();
        }
        SortedSet<Integer> years = new TreeSet<>(loaded);
        years.add(today.getYear());
        years.add(year);
        if (!loaded.isEmpty()) {
            years.add(loaded.last() + 1);
        }
        CurrentUser user = users.require();
        boolean canImport = user.hasRole(Role.ADMIN);
        model.addAttribute("centres", calendars.centres());
        model.addAttribute("centre", centre.orElse(null));
        model.addAttribute("centreCode", centreCode == null ? "" : centreCode);
        model.addAttribute("year", year);
        model.addAttribute("years", years);
        model.addAttribute("today", today);
        model.addAttribute("zone", zone);
        model.addAttribute("loaded", loaded.contains(year));
        model.addAttribute("covered", calendar.covers(year));
        model.addAttribute("yearInfo", calendars.yearInfo(year).orElse(null));
        model.addAttribute("canImport", canImport);
        model.addAttribute("canEditCentre", centre.isPresent() && canEdit(centre.get()));
        if (model.getAttribute("importReport") instanceof ImportReport report) {
            model.addAttribute("reportRows", ReportRow.of(report));
        }
        if (calendar.covers(year)) {
            List<CalendarDay> days = calendar.days(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
            model.addAttribute("view", YearView.of(year, days, today));
        }
        if (centre.isPresent()) {
            CalendarService.Centre c = centre.get();
            model.addAttribute("centreDays", calendars.centreDays(c.code()));
            if (!model.containsAttribute("settings")) {
                SettingsForm form = new SettingsForm();
                form.setWeekdayFallback(c.weekdayFallback());
                form.setOpens(c.hours().opens());
                form.setCloses(c.hours().closes());
                form.setZone(c.zone().getId());
                model.addAttribute("settings", form);
            }
            if (!model.containsAttribute("dayForm")) {
                model.addAttribute("dayForm", new DayForm());
            }
        }
    }

    private static String url(@Nullable String centre, @Nullable Integer year) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath("/calendar");
        b.queryParam("centre", centre == null ? "" : centre);
        if (year != null) {
            b.queryParam("year", year);
        }
        return b.encode().build().toUriString();
    }
}
