package org.openhall.duty.web;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.openhall.duty.internal.roster.RosterKind;
import org.openhall.duty.internal.roster.RosterViews.Detail;
import org.openhall.duty.internal.roster.RosterViews.Duty;
import org.openhall.duty.internal.roster.RosterViews.PlanDayView;
import org.openhall.duty.internal.roster.RosterViews.Warning;
import org.openhall.duty.internal.roster.Rosters;
import org.openhall.organization.CentreInfo;
import org.openhall.organization.OrganizationApi;
import org.openhall.shared.DomainException;
import org.openhall.shared.web.ErrorPageOnRefusal;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The roster pages (DUTY-1): the centre's rosters with who is on duty today, the week grid of a roster with its
 * draft / published state and warnings; the centre office generates the next cycle, edits cells of a draft (replace a
 * person, add or remove a duty staff) and publishes. Everyone of the centre sees the rosters.
 */
@Controller
@RequestMapping("/duty/rosters")
@PreAuthorize("isAuthenticated()")
class RosterPageController implements ErrorPageOnRefusal {

    private final Rosters rosters;
    private final OrganizationApi org;
    private final DutyPageSupport pages;

    RosterPageController(Rosters rosters, OrganizationApi org, DutyPageSupport pages) {
        this.rosters = rosters;
        this.org = org;
        this.pages = pages;
    }

    /** A week of the grid: its planned days (columns). */
    record Week(int number, List<PlanDayView> days) {
    }

    @GetMapping
    String list(@RequestParam(required = false) @Nullable Long centre, Model model) {
        CentreInfo c = pages.centreOf(centre);
        model.addAttribute("centre", c);
        model.addAttribute("rosters", rosters.rosters(c.id()));
        model.addAttribute("today", rosters.today(c.id()));
        model.addAttribute("onDuty", rosters.onDutyToday(c.id()));
        model.addAttribute("planner", pages.planner(c.id()));
        model.addAttribute("nextStart", rosters.nextCycleStart(c.id()));
        model.addAttribute("maxWeeks", rosters.rules().maxCycleWeeks());
        model.addAttribute("solveSeconds", rosters.rules().solveLimit().toSeconds());
        model.addAttribute("kinds", RosterKind.values());
        model.addAttribute("zone", pages.zone(c));
        return "duty/rosters";
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('ADMIN','CENTRE_OFFICE')")
    String generate(@RequestParam(required = false) @Nullable Long centre,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate firstDay,
            @RequestParam(defaultValue = "2") int weeks, @RequestParam(defaultValue = "CYCLE") RosterKind kind,
            RedirectAttributes redirect) {
        CentreInfo c = pages.centreOf(centre);
        try {
            long id = rosters.generate(c.id(), firstDay, weeks, kind);
            redirect.addFlashAttribute("flash", pages.text("duty.roster.generated", firstDay, firstDay.plusDays(7L * weeks - 1)));
            return "redirect:/duty/rosters/" + id;
        } catch (DomainException e) {
            DutyPageSupport.rethrowIfNotUserError(e);
            redirect.addFlashAttribute("flashError", pages.text(e.messageKey(), e.args()));
            return "redirect:/duty/rosters" + (centre == null ? "" : "?centre=" + centre);
        }
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, Model model) {
        Detail d = rosters.detail(id);
        CentreInfo c = org.centre(d.roster().centreId()).orElseThrow();
        model.addAttribute("centre", c);
        model.addAttribute("d", d);
        model.addAttribute("weeks", weeks(d));
        model.addAttribute("warnings", d.warnings().stream().map(pages::text).toList());
        model.addAttribute("shortDays", d.warnings().stream().filter(w -> w.key().endsWith("fewStaff"))
                .map(Warning::day).toList());
        model.addAttribute("planner", pages.planner(c.id()));
        model.addAttribute("staffGroups", pages.staffGroups(c.id()));
        model.addAttribute("zone", pages.zone(c));
        model.addAttribute("publishedAt", d.roster().publishedAt() == null ? null
                : ZonedDateTime.ofInstant(d.roster().publishedAt(), pages.zone(c)));
        return "duty/roster";
    }

    @PostMapping("/{id}/duties/{duty}/replace")
    @PreAuthorize("hasAnyRole('ADMIN','CENTRE_OFFICE')")
    String replace(@PathVariable long id, @PathVariable long duty, @RequestParam long staffId,
            RedirectAttributes redirect) {
        return edit(id, redirect, () -> rosters.replace(duty, staffId));
    }

    @PostMapping("/{id}/duties/{duty}/remove")
    @PreAuthorize("hasAnyRole('ADMIN','CENTRE_OFFICE')")
    String remove(@PathVariable long id, @PathVariable long duty, RedirectAttributes redirect) {
        return edit(id, redirect, () -> rosters.removeStaff(duty));
    }

    @PostMapping("/{id}/days/{day}/staff")
    @PreAuthorize("hasAnyRole('ADMIN','CENTRE_OFFICE')")
    String add(@PathVariable long id, @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            @RequestParam long staffId, RedirectAttributes redirect) {
        return edit(id, redirect, () -> rosters.addStaff(id, day, staffId));
    }

    @PostMapping("/{id}/publish")
    @PreAuthorize("hasAnyRole('ADMIN','CENTRE_OFFICE')")
    String publish(@PathVariable long id, RedirectAttributes redirect) {
        try {
            rosters.publish(id);
            redirect.addFlashAttribute("flash", pages.text("duty.roster.published"));
        } catch (DomainException e) {
            DutyPageSupport.rethrowIfNotUserError(e);
            redirect.addFlashAttribute("flashError", pages.text(e.messageKey(), e.args()));
        }
        return "redirect:/duty/rosters/" + id;
    }

    @PostMapping("/{id}/discard")
    @PreAuthorize("hasAnyRole('ADMIN','CENTRE_OFFICE')")
    String discard(@PathVariable long id, RedirectAttributes redirect) {
        try {
            rosters.discard(id);
            redirect.addFlashAttribute("flash", pages.text("duty.roster.discarded"));
            return "redirect:/duty/rosters";
        } catch (DomainException e) {
            DutyPageSupport.rethrowIfNotUserError(e);
            redirect.addFlashAttribute("flashError", pages.text(e.messageKey(), e.args()));
            return "redirect:/duty/rosters/" + id;
        }
    }

    private String edit(long id, RedirectAttributes redirect, java.util.function.Supplier<List<Warning>> change) {
        try {
            List<Warning> left = change.get();
            redirect.addFlashAttribute("flash", pages.text("duty.roster.edited"));
            redirect.addFlashAttribute("flashWarnings", left.stream().map(pages::text).toList());
        } catch (DomainException e) {
            DutyPageSupport.rethrowIfNotUserError(e);
            redirect.addFlashAttribute("flashError", pages.text(e.messageKey(), e.args()));
        }
        return "redirect:/duty/rosters/" + id;
    }

    static List<Week> weeks(Detail d) {
        Map<Long, List<PlanDayView>> byWeek = new LinkedHashMap<>();
        for (PlanDayView day : d.days()) {
            long w = ChronoUnit.DAYS.between(d.roster().firstDay(), day.day()) / 7;
            byWeek.computeIfAbsent(w, k -> new ArrayList<>()).add(day);
        }
        List<Week> weeks = new ArrayList<>();
        byWeek.forEach((w, days) -> weeks.add(new Week(w.intValue() + 1, days)));
        return weeks;
    }

    /** The duties of a day in a role, for the grid. */
    static List<Duty> of(Detail d, LocalDate day, String role) {
        return d.on(day).stream().filter(x -> x.role().name().equals(role)).toList();
    }
}
