package org.openhall.organization.web;

import java.time.Clock;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openhall.organization.WindowType;
import org.openhall.organization.internal.Centre;
import org.openhall.organization.internal.Centres;
import org.openhall.organization.internal.Departments;
import org.openhall.organization.internal.OrgAccess;
import org.openhall.organization.internal.ServiceWindow;
import org.openhall.organization.internal.StaffRegistry;
import org.openhall.organization.internal.Windows;
import org.openhall.shared.DomainException;
import org.openhall.shared.web.ErrorPageOnRefusal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * ORG-3 windows with ORG-4a A/B posts and ORG-5 rotation. Everyone of the centre sees the windows;
 * ADMIN and the centre office change them.
 */
@Controller
@RequestMapping("/org/windows")
class WindowController implements ErrorPageOnRefusal {

    private final Windows windows;
    private final Centres centres;
    private final Departments departments;
    private final StaffRegistry staff;
    private final OrgAccess access;
    private final CentreContext context;
    private final Forms forms;
    private final Clock clock;

    WindowController(Windows windows, Centres centres, Departments departments, StaffRegistry staff, OrgAccess access,
            CentreContext context, Forms forms, Clock clock) {
        this.windows = windows;
        this.centres = centres;
        this.departments = departments;
        this.staff = staff;
        this.access = access;
        this.context = context;
        this.forms = forms;
        this.clock = clock;
    }

    @ModelAttribute("types")
    WindowType[] types() {
        return WindowType.values();
    }

    @GetMapping
    String list(@RequestParam(required = false) @Nullable Long centre,
            @RequestParam(required = false) @Nullable Long department,
            @RequestParam(defaultValue = "false") boolean inactive,
            @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx, Model model) {
        Centre c = context.resolve(centre, model);
        model.addAttribute("departments", departments.visible(c.id(), false));
        model.addAttribute("department", department);
        model.addAttribute("inactive", inactive);
        model.addAttribute("windows", windows.list(c.id(), department, inactive));
        model.addAttribute("canManage", access.canManageCentre(c.id()));
        return htmx != null ? "organization/windows :: results" : "organization/windows";
    }

    @GetMapping("/new")
    String newForm(@RequestParam(required = false) @Nullable Long centre, Model model) {
        Centre c = context.resolve(centre, model);
        access.checkManageCentre(c.id());
        model.addAttribute("windowData", new WindowForm());
        return formView(c, null, model);
    }

    @PostMapping
    String create(@RequestParam long centreId, @ModelAttribute("windowData") WindowForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        Centre c = centres.get(centreId);
        access.checkManageCentre(c.id());
        if (!forms.valid(form.toData(), result)) {
            return formView(c, null, model);
        }
        try {
            long id = windows.create(form.toData());
            forms.flash(redirect, "org.window.created", form.getName());
            return "redirect:/org/windows/" + id;
        } catch (DomainException e) {
            forms.reject(e, result);
            return formView(c, null, model);
        }
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, Model model) {
        Windows.Listed w = windows.get(id);
        model.addAttribute("w", w);
        model.addAttribute("centre", centres.get(w.window().centreId()));
        model.addAttribute("history", windows.history(id));
        model.addAttribute("canManage", access.canManageCentre(w.window().centreId()));
        model.addAttribute("seesStaff", access.seesStaff());
        return "organization/window-detail";
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        ServiceWindow w = windows.get(id).window();
        access.checkManageCentre(w.centreId());
        model.addAttribute("windowData", WindowForm.of(w));
        return formView(centres.get(w.centreId()), w, model);
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @ModelAttribute("windowData") WindowForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        ServiceWindow w = windows.get(id).window();
        access.checkManageCentre(w.centreId());
        Centre c = centres.get(w.centreId());
        boolean valid = forms.valid(form.toData(), result);
        if (form.getChangeReason() != null && form.getChangeReason().strip().length() > Windows.MAX_REASON) {
            result.rejectValue("changeReason", "Size", new Object[] {"changeReason", Windows.MAX_REASON, 0}, null);
            valid = false;
        }
        if (!valid) {
            return formView(c, w, model);
        }
        try {
            windows.update(id, form.toData(), form.isActive(), form.getChangeReason());
        } catch (DomainException e) {
            forms.reject(e, result);
            return formView(c, w, model);
        }
        forms.flash(redirect, "org.window.saved", form.getName());
        return "redirect:/org/windows/" + id;
    }

    @GetMapping("/{id}/rotate")
    String rotateForm(@PathVariable long id, Model model) {
        Windows.Listed w = windows.get(id);
        access.checkManageCentre(w.window().centreId());
        Centre c = centres.get(w.window().centreId());
        RotationForm form = new RotationForm();
        // the usual rotation: the backup takes over the window and the former holder becomes the backup
        form.setPostAStaffId(w.window().postBStaffId());
        form.setPostBStaffId(w.window().postAStaffId());
        form.setEffective(clock.instant().atZone(c.zoneId()).toLocalDate());
        model.addAttribute("rotation", form);
        return rotateView(c, w, model);
    }

    @PostMapping("/{id}/rotate")
    String rotate(@PathVariable long id, @ModelAttribute("rotation") RotationForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        Windows.Listed w = windows.get(id);
        access.checkManageCentre(w.window().centreId());
        Centre c = centres.get(w.window().centreId());
        if (result.hasErrors()) {
            return rotateView(c, w, model);
        }
        if (form.getPostAStaffId() == null) {
            result.rejectValue("postAStaffId", "NotNull");
        }
        if (form.getPostBStaffId() == null) {
            result.rejectValue("postBStaffId", "NotNull");
        }
        if (form.getEffective() == null) {
            result.rejectValue("effective", "NotNull");
        }
        if (form.getReason() == null || form.getReason().isBlank()) {
            result.rejectValue("reason", "NotBlank");
        }
        if (result.hasErrors()) {
            return rotateView(c, w, model);
        }
        try {
            windows.rotate(id, form.getPostAStaffId(), form.getPostBStaffId(), form.getEffective(), form.getReason());
        } catch (DomainException e) {
            forms.reject(e, result);
            return rotateView(c, w, model);
        }
        forms.flash(redirect, "org.rotation.done", forms.text("org.window.label", w.window().number()));
        return "redirect:/org/windows/" + id;
    }

    private String rotateView(Centre c, Windows.Listed w, Model model) {
        model.addAttribute("centre", c);
        model.addAttribute("w", w);
        model.addAttribute("staffChoices", staffChoices(c));
        return "organization/window-rotate";
    }

    private String formView(Centre c, @Nullable ServiceWindow w, Model model) {
        model.addAttribute("centre", c);
        model.addAttribute("window", w);
        model.addAttribute("departments", departments.visible(c.id(), false));
        model.addAttribute("staffChoices", staffChoices(c));
        return "organization/window-form";
    }

    private List<StaffRegistry.Listed> staffChoices(Centre c) {
        return staff.list(new StaffRegistry.Filter(c.id(), null, null, false));
    }
}
