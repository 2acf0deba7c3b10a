package org.openhall.duty.web;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;
import org.openhall.duty.internal.Drills;
import org.openhall.duty.internal.DutyPageAccess;
import org.openhall.duty.internal.IncidentKind;
import org.openhall.duty.internal.IncidentLifecycle;
import org.openhall.duty.internal.Incidents;
import org.openhall.shared.DomainException;
import org.springframework.context.MessageSource;
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
 * Incidents (突发事件, DUTY-7): the list, the report form, the detail with its steps (escalate to the leader on duty,
 * record actions, close with a summary), and the emergency drills (应急演练).
 */
@Controller
@RequestMapping("/duty/incidents")
@PreAuthorize("hasAnyRole('ADMIN','CENTRE_OFFICE','LEADER','DEPT_HEAD','SUPERVISOR')")
class IncidentController implements DutyLeadersPage {

    private final Incidents incidents;
    private final Drills drills;
    private final DutyPageAccess access;
    private final MessageSource messages;

    IncidentController(Incidents incidents, Drills drills, DutyPageAccess access, MessageSource messages) {
        this.incidents = incidents;
        this.drills = drills;
        this.access = access;
        this.messages = messages;
    }

    @Override
    public MessageSource messages() {
        return messages;
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "false") boolean open, Model model) {
        long centreId = access.centreFor(null);
        model.addAttribute("incidents", incidents.list(centreId, open));
        model.addAttribute("open", open);
        model.addAttribute("zone", access.zone(centreId));
        model.addAttribute("mayAct", incidents.mayAct());
        return "duty/incidents";
    }

    @GetMapping("/new")
    String form(Model model) {
        long centreId = access.centreFor(null);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new Incidents.Report(null, null,
                    access.nowLocal(centreId), null, 0));
        }
        return formPage(centreId, model);
    }

    private String formPage(long centreId, Model model) {
        model.addAttribute("kinds", IncidentKind.values());
        return "duty/incident-form";
    }

    @PostMapping
    String report(@RequestParam(required = false) @Nullable IncidentKind kind,
            @RequestParam(required = false) @Nullable String place,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable LocalDateTime occurredAt,
            @RequestParam(required = false) @Nullable String description,
            @RequestParam(required = false) @Nullable Integer peopleAffected, Model model, RedirectAttributes redirect) {
        long centreId = access.centreFor(null);
        Incidents.Report form = new Incidents.Report(kind, place, occurredAt, description, peopleAffected);
        try {
            Incidents.Incident i = incidents.report(centreId, form);
            redirect.addFlashAttribute("flash", text("duty.incident.reported"));
            return "redirect:/duty/incidents/" + i.id();
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.FORBIDDEN) {
                throw e;
            }
            model.addAttribute("form", form);
            model.addAttribute("error", error(e));
            model.addAttribute("errorField", e.field());
            return formPage(centreId, model);
        }
    }

    @GetMapping("/{id:\\d+}")
    String detail(@PathVariable long id, Model model) {
        long centreId = access.centreFor(null);
        Incidents.Incident i = incidents.incident(centreId, id);
        model.addAttribute("incident", i);
        model.addAttribute("steps", incidents.steps(id));
        model.addAttribute("canEscalate", IncidentLifecycle.allowed(i.status()).contains(IncidentLifecycle.Step.ESCALATED));
        model.addAttribute("canActNow", IncidentLifecycle.allowed(i.status()).contains(IncidentLifecycle.Step.ACTION));
        model.addAttribute("zone", access.zone(centreId));
        model.addAttribute("mayAct", incidents.mayAct());
        model.addAttribute("mayClose", incidents.mayClose());
        return "duty/incident-detail";
    }

    @PostMapping("/{id:\\d+}/escalate")
    String escalate(@PathVariable long id, RedirectAttributes redirect) {
        long centreId = access.centreFor(null);
        try {
            Incidents.Incident i = incidents.escalate(centreId, id);
            redirect.addFlashAttribute("flash", text("duty.incident.escalated", i.escalatedTo()));
        } catch (DomainException e) {
            redirect.addFlashAttribute("flashError", error(e));
        }
        return "redirect:/duty/incidents/" + id;
    }

    @PostMapping("/{id:\\d+}/actions")
    String act(@PathVariable long id, @RequestParam(required = false) @Nullable String action,
            RedirectAttributes redirect) {
        long centreId = access.centreFor(null);
        try {
            incidents.act(centreId, id, action);
            redirect.addFlashAttribute("flash", text("duty.incident.actionSaved"));
        } catch (DomainException e) {
            redirect.addFlashAttribute("actionError", error(e));
            redirect.addFlashAttribute("actionText", action);
        }
        return "redirect:/duty/incidents/" + id;
    }

    @PostMapping("/{id:\\d+}/close")
    String close(@PathVariable long id, @RequestParam(required = false) @Nullable String summary,
            RedirectAttributes redirect) {
        long centreId = access.centreFor(null);
        try {
            incidents.close(centreId, id, summary);
            redirect.addFlashAttribute("flash", text("duty.incident.closedDone"));
        } catch (DomainException e) {
            redirect.addFlashAttribute("closeError", error(e));
            redirect.addFlashAttribute("summaryText", summary);
        }
        return "redirect:/duty/incidents/" + id;
    }

    // ---- drills (应急演练) ----

    @GetMapping("/drills")
    String drills(Model model) {
        long centreId = access.centreFor(null);
        model.addAttribute("drills", drills.list(centreId));
        model.addAttribute("mayKeep", drills.mayKeep());
        return "duty/incident-drills";
    }

    @GetMapping("/drills/new")
    String newDrill(Model model) {
        long centreId = access.centreFor(null);
        model.addAttribute("form", new Drills.DrillData(access.today(centreId), null, null, null, null));
        model.addAttribute("drillId", null);
        return "duty/incident-drill-form";
    }

    @GetMapping("/drills/{id:\\d+}")
    String editDrill(@PathVariable long id, Model model) {
        long centreId = access.centreFor(null);
        Drills.Drill d = drills.drill(centreId, id);
        model.addAttribute("form", new Drills.DrillData(d.day(), d.scenario(), d.participants(), d.observations(),
                d.improvements()));
        model.addAttribute("drillId", id);
        model.addAttribute("drill", d);
        return "duty/incident-drill-form";
    }

    @PostMapping({"/drills", "/drills/{id:\\d+}"})
    String saveDrill(@PathVariable(required = false) @Nullable Long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate day,
            @RequestParam(required = false) @Nullable String scenario,
            @RequestParam(required = false) @Nullable String participants,
            @RequestParam(required = false) @Nullable String observations,
            @RequestParam(required = false) @Nullable String improvements, Model model, RedirectAttributes redirect) {
        long centreId = access.centreFor(null);
        Drills.DrillData data = new Drills.DrillData(day, scenario, participants, observations, improvements);
        try {
            if (id == null) {
                drills.record(centreId, data);
            } else {
                drills.update(centreId, id, data);
            }
            redirect.addFlashAttribute("flash", text("duty.incident.drill.saved"));
            return "redirect:/duty/incidents/drills";
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.FORBIDDEN || e.kind() == DomainException.Kind.NOT_FOUND) {
                throw e;
            }
            model.addAttribute("form", data);
            model.addAttribute("drillId", id);
            model.addAttribute("error", error(e));
            model.addAttribute("errorField", e.field());
            return "duty/incident-drill-form";
        }
    }
}
