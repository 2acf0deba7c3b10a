package org.openhall.organization.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openhall.organization.TrainingCategory;
import org.openhall.organization.internal.Centre;
import org.openhall.organization.internal.Centres;
import org.openhall.organization.internal.Departments;
import org.openhall.organization.internal.OrgAccess;
import org.openhall.organization.internal.StaffRegistry;
import org.openhall.organization.internal.Training;
import org.openhall.organization.internal.Trainings;
import org.openhall.shared.DomainException;
import org.openhall.shared.web.ErrorPageOnRefusal;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** ORG-4: training records by staff and department, with a filter; new records by those who manage the staff. */
@Controller
@RequestMapping("/org/training")
@PreAuthorize("hasAnyRole('ADMIN','CENTRE_OFFICE','LEADER','DEPT_HEAD','SUPERVISOR')")
class TrainingController implements ErrorPageOnRefusal {

    private final Trainings trainings;
    private final Centres centres;
    private final Departments departments;
    private final StaffRegistry staff;
    private final OrgAccess access;
    private final CentreContext context;
    private final Forms forms;
    private final Clock clock;

    TrainingController(Trainings trainings, Centres centres, Departments departments, StaffRegistry staff,
            OrgAccess access, CentreContext context, Forms forms, Clock clock) {
        this.trainings = trainings;
        this.centres = centres;
        this.departments = departments;
        this.staff = staff;
        this.access = access;
        this.context = context;
        this.forms = forms;
        this.clock = clock;
    }

    @ModelAttribute("categories")
    TrainingCategory[] categories() {
        return TrainingCategory.values();
    }

    @GetMapping
    String list(@RequestParam(required = false) @Nullable Long centre,
            @RequestParam(required = false) @Nullable Long department, @RequestParam(required = false) @Nullable Long staffId,
            @RequestParam(required = false) @Nullable TrainingCategory category,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx, Model model) {
        Centre c = context.resolve(centre, model);
        Long limit = access.departmentLimit();
        List<Training> list = trainings.list(new Trainings.Filter(c.id(), department, staffId, category, from, to));
        model.addAttribute("trainings", list);
        model.addAttribute("totalHours", list.stream().map(Training::hours).reduce(BigDecimal.ZERO, BigDecimal::add));
        model.addAttribute("departments", departments.visible(c.id(), false).stream()
                .filter(d -> limit == null || d.id() == limit).toList());
        model.addAttribute("staffChoices", staff.list(new StaffRegistry.Filter(c.id(), department, null, false)));
        model.addAttribute("department", department);
        model.addAttribute("staffId", staffId);
        model.addAttribute("category", category);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("canCreate", limit != null || access.canManageCentre(c.id()));
        return htmx != null ? "organization/training :: results" : "organization/training";
    }

    @GetMapping("/new")
    String newForm(@RequestParam(required = false) @Nullable Long centre, @RequestParam(required = false) @Nullable Long staffId,
            Model model) {
        Centre c = context.resolve(centre, model);
        TrainingForm form = new TrainingForm();
        form.setStaffId(staffId);
        form.setDate(clock.instant().atZone(c.zoneId()).toLocalDate());
        form.setHours(new BigDecimal("2"));
        model.addAttribute("trainingData", form);
        return formView(c, model);
    }

    @PostMapping
    String create(@RequestParam long centreId, @ModelAttribute("trainingData") TrainingForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        Centre c = centres.get(centreId);
        if (!forms.valid(form.toData(), result)) {
            return formView(c, model);
        }
        try {
            trainings.record(form.toData());
        } catch (DomainException e) {
            forms.reject(e, result);
            return formView(c, model);
        }
        forms.flash(redirect, "org.training.created", form.getTitle());
        return "redirect:/org/training?centre=" + c.id();
    }

    private String formView(Centre c, Model model) {
        model.addAttribute("centre", c);
        model.addAttribute("staffChoices", staff.list(new StaffRegistry.Filter(c.id(), null, null, false)).stream()
                .filter(l -> access.canManageStaff(c.id(), l.staff().departmentId())).toList());
        return "organization/training-form";
    }
}
