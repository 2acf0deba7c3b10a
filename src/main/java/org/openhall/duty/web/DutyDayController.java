package org.openhall.duty.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.openhall.duty.internal.DutyDays;
import org.openhall.duty.internal.DutyDays.AspectResult;
import org.openhall.duty.internal.DutyDays.Keeper;
import org.openhall.duty.internal.InspectionAspect;
import org.openhall.organization.OrganizationApi;
import org.openhall.organization.WindowInfo;
import org.openhall.security.CurrentUser;
import org.openhall.security.CurrentUsers;
import org.openhall.shared.DomainException;
import org.openhall.shared.web.ErrorPageOnRefusal;
import org.openhall.shared.web.PageMessages;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.AccessDeniedException;
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
 * The supervisor's day {@code /duty/day} (DUTY-3..DUTY-5): today's opening and closing checklists, the inspections of
 * front-desk staff with the inspection form for a tablet ({@code /duty/day/{day}/inspections/new}), the duty log, the
 * handover to the next working day's supervisor (and the handovers waiting for this person's confirmation) and the
 * submission to the centre office. For SUPERVISOR accounts of a centre; a refused command changes nothing and says why.
 */
@Controller
@RequestMapping("/duty/day")
@PreAuthorize("hasRole('SUPERVISOR')")
class DutyDayController implements ErrorPageOnRefusal {

    private final DutyDays days;
    private final CurrentUsers users;
    private final OrganizationApi org;
    private final MessageSource messages;
    private final PageMessages pages;

    DutyDayController(DutyDays days, CurrentUsers users, OrganizationApi org, MessageSource messages,
            PageMessages pages) {
        this.days = days;
        this.users = users;
        this.org = org;
        this.messages = messages;
        this.pages = pages;
    }

    Keeper keeper() {
        CurrentUser u = users.require();
        if (u.centreId() == null) {
            throw new AccessDeniedException("a supervisor without a centre");
        }
        return new Keeper(u.centreId(), u.staffId(), u.username());
    }

    @GetMapping
    String today(Model model) {
        Keeper k = keeper();
        LocalDate today = days.today(k.centreId());
        model.addAttribute("d", days.day(k.centreId(), today));
        model.addAttribute("refusal", days.refusal(k, today));
        model.addAttribute("awaiting", k.staffId() == null ? List.of()
                : days.awaitingConfirmation(k.centreId(), k.staffId()));
        return "duty/day";
    }

    @PostMapping("/{day}/checks/{code}")
    String tick(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day, @PathVariable String code,
            @RequestParam(required = false) @Nullable String note, RedirectAttributes redirect) {
        return act(redirect, "duty.day.ticked", () -> days.tick(keeper(), day, code, note));
    }

    @PostMapping("/{day}/log")
    String log(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            @RequestParam(required = false) @Nullable String attendance,
            @RequestParam(required = false) @Nullable String service,
            @RequestParam(required = false) @Nullable String problems,
            @RequestParam(required = false) @Nullable String business,
            @RequestParam(required = false) @Nullable String incidents, RedirectAttributes redirect) {
        return act(redirect, "duty.day.log.saved", () -> days.saveLog(keeper(), day,
                new DutyDays.LogData(attendance, service, problems, business, incidents)));
    }

    @PostMapping("/{day}/handover")
    String handOver(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            @RequestParam long toStaffId, @RequestParam(required = false) @Nullable String matters,
            @RequestParam(defaultValue = "false") boolean deskSign, @RequestParam(defaultValue = "false") boolean badge,
            RedirectAttributes redirect) {
        return act(redirect, "duty.day.handover.done", () -> days.handOver(keeper(), day,
                new DutyDays.HandoverData(toStaffId, matters, deskSign, badge)));
    }

    @PostMapping("/handovers/{id}/confirm")
    String confirm(@PathVariable long id, RedirectAttributes redirect) {
        return act(redirect, "duty.day.handover.confirmed-ok", () -> days.confirm(keeper(), id));
    }

    @PostMapping("/{day}/submit")
    String submit(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            RedirectAttributes redirect) {
        return act(redirect, "duty.day.submit.done", () -> days.submit(keeper(), day));
    }

    /** The inspection form (DUTY-5) for a tablet: window, person, the seven aspects of 三.1, OK or a finding. */
    @GetMapping("/{day}/inspections/new")
    String inspectionForm(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            @RequestParam(required = false) @Nullable Long window, Model model) {
        Keeper k = keeper();
        fillForm(k, day, window, null, Map.of(), Map.of(), null, model);
        return "duty/day-inspection";
    }

    @PostMapping("/{day}/inspections")
    String inspect(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        Keeper k = keeper();
        Long window = number(form.get("windowId"));
        Long staff = number(form.get("staffId"));
        Map<String, String> results = new LinkedHashMap<>();
        Map<String, String> notes = new LinkedHashMap<>();
        List<AspectResult> aspects = new ArrayList<>();
        for (InspectionAspect a : InspectionAspect.values()) {
            String r = form.get("aspect-" + a.name());
            String note = form.get("note-" + a.name());
            if (r != null) {
                results.put(a.name(), r);
                aspects.add(new AspectResult(a, "OK".equals(r), note));
            }
            if (note != null) {
                notes.put(a.name(), note);
            }
        }
        try {
            if (window == null || staff == null) {
                throw DomainException.invalid("windowId", "duty.day.inspection.who-required");
            }
            days.inspect(k, day, new DutyDays.InspectionData(window, staff, aspects, form.get("note")));
        } catch (DomainException e) {
            response.setStatus(e.httpStatus());
            model.addAttribute("formError", pages.requiredText(e));
            model.addAttribute("errorField", e.field());
            fillForm(k, day, window, staff, results, notes, form.get("note"), model);
            return "duty/day-inspection";
        }
        redirect.addFlashAttribute("flash", text("duty.day.inspection.saved"));
        return "redirect:/duty/day";
    }

    private void fillForm(Keeper k, LocalDate day, @Nullable Long window, @Nullable Long staff,
            Map<String, String> results, Map<String, String> notes, @Nullable String note, Model model) {
        List<WindowInfo> windows = org.windows(k.centreId());
        WindowInfo chosen = window == null ? null
                : windows.stream().filter(w -> w.id() == window).findFirst().orElse(null);
        model.addAttribute("day", day);
        model.addAttribute("windows", windows);
        model.addAttribute("chosen", chosen);
        model.addAttribute("staffId", staff != null ? staff : chosen != null ? chosen.postA().staffId() : null);
        model.addAttribute("aspects", InspectionAspect.values());
        model.addAttribute("results", results);
        model.addAttribute("notes", notes);
        model.addAttribute("note", note);
        model.addAttribute("refusal", days.refusal(k, day));
    }

    private static @Nullable Long number(@Nullable String s) {
        try {
            return s == null || s.isBlank() ? null : Long.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private String act(RedirectAttributes redirect, String okKey, Runnable command) {
        try {
            command.run();
            redirect.addFlashAttribute("flash", text(okKey));
        } catch (DomainException e) {
            redirect.addFlashAttribute("flashError", pages.requiredText(e));
        }
        return "redirect:/duty/day";
    }

    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}
