package org.openhall.organization.web;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.openhall.organization.DepartmentKind;
import org.openhall.organization.internal.Centre;
import org.openhall.organization.internal.Centres;
import org.openhall.organization.internal.Department;
import org.openhall.organization.internal.Departments;
import org.openhall.organization.internal.OrgAccess;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** ORG-1: departments and stationed units. Every user of the centre sees them; ADMIN and the centre office edit. */
@Controller
@RequestMapping("/org/departments")
class DepartmentController implements ErrorPageOnRefusal {

    private final Departments departments;
    private final Centres centres;
    private final Windows windows;
    private final StaffRegistry staff;
    private final OrgAccess access;
    private final CentreContext context;
    private final Forms forms;

    DepartmentController(Departments departments, Centres centres, Windows windows, StaffRegistry staff, OrgAccess access,
            CentreContext context, Forms forms) {
        this.departments = departments;
        this.centres = centres;
        this.windows = windows;
        this.staff = staff;
        this.access = access;
        this.context = context;
        this.forms = forms;
    }

    @ModelAttribute("kinds")
    DepartmentKind[] kinds() {
        return DepartmentKind.values();
    }

    @GetMapping
    String list(@RequestParam(required = false) @Nullable Long centre,
            @RequestParam(defaultValue = "false") boolean inactive, Model model) {
        Centre c = context.resolve(centre, model);
        List<Department> list = departments.visible(c.id(), inactive);
        Map<Long, Long> windowCounts = windows.list(c.id(), null, false).stream()
                .collect(Collectors.groupingBy(w -> w.window().departmentId(), Collectors.counting()));
        model.addAttribute("departments", list);
        model.addAttribute("windowCounts", windowCounts);
        if (access.seesStaff() && access.departmentLimit() == null) {
            Map<Long, Long> staffCounts = staff.ofCentre(c.id()).stream()
                    .collect(Collectors.groupingBy(s -> s.departmentId(), Collectors.counting()));
            model.addAttribute("staffCounts", staffCounts);
        }
        model.addAttribute("inactive", inactive);
        model.addAttribute("canManage", access.canManageCentre(c.id()));
        return "organization/departments";
    }

    @GetMapping("/new")
    String newForm(@RequestParam(required = false) @Nullable Long centre, Model model) {
        Centre c = context.resolve(centre, model);
        access.checkManageCentre(c.id());
        DepartmentForm form = new DepartmentForm();
        form.setCentreId(c.id());
        form.setDutyOrder(departments.ofCentre(c.id(), true).stream().mapToInt(Department::dutyOrder).max().orElse(0) + 1);
        model.addAttribute("departmentData", form);
        return "organization/department-form";
    }

    @PostMapping
    String create(@ModelAttribute("departmentData") DepartmentForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        Centre c = centres.get(form.getCentreId() == null ? -1 : form.getCentreId());
        access.checkManageCentre(c.id());
        model.addAttribute("centre", c);
        if (!forms.valid(form.toData(), result)) {
            return "organization/department-form";
        }
        try {
            departments.create(form.toData());
        } catch (DomainException e) {
            forms.reject(e, result);
            return "organization/department-form";
        }
        forms.flash(redirect, "org.department.created", form.getName());
        return "redirect:/org/departments?centre=" + c.id();
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        Department d = departments.get(id);
        access.checkManageCentre(d.centreId());
        model.addAttribute("department", d);
        model.addAttribute("centre", centres.get(d.centreId()));
        model.addAttribute("departmentData", DepartmentForm.of(d));
        return "organization/department-form";
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @ModelAttribute("departmentData") DepartmentForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        Department d = departments.get(id);
        access.checkManageCentre(d.centreId());
        model.addAttribute("department", d);
        model.addAttribute("centre", centres.get(d.centreId()));
        form.setCentreId(d.centreId());
        if (!forms.valid(form.toData(), result)) {
            return "organization/department-form";
        }
        try {
            departments.update(id, form.toData(), form.isActive());
        } catch (DomainException e) {
            forms.reject(e, result);
            return "organization/department-form";
        }
        forms.flash(redirect, "org.department.saved", form.getName());
        return "redirect:/org/departments?centre=" + d.centreId();
    }

    static Map<Long, Department> byId(List<Department> list) {
        return list.stream().collect(Collectors.toMap(Department::id, Function.identity()));
    }
}
