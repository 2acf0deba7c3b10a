package org.openhall.organization.web;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openhall.organization.EmploymentType;
import org.openhall.organization.Gender;
import org.openhall.organization.internal.Centre;
import org.openhall.organization.internal.Centres;
import org.openhall.organization.internal.Department;
import org.openhall.organization.internal.Departments;
import org.openhall.organization.internal.OrgAccess;
import org.openhall.organization.internal.Photo;
import org.openhall.organization.internal.PhotoCheck;
import org.openhall.organization.internal.Staff;
import org.openhall.organization.internal.StaffRegistry;
import org.openhall.organization.internal.Trainings;
import org.openhall.organization.internal.Windows;
import org.openhall.security.Role;
import org.openhall.shared.DomainException;
import org.openhall.shared.web.ErrorPageOnRefusal;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * ORG-2: the staff list (department filter, search, masked mobile), the staff form with photo upload
 * and optional login, the detail page. A DEPT_HEAD sees and edits only their own department (SEC-1).
 */
@Controller
@RequestMapping("/org/staff")
@PreAuthorize("hasAnyRole('ADMIN','CENTRE_OFFICE','LEADER','DEPT_HEAD','SUPERVISOR')")
class StaffController implements ErrorPageOnRefusal {

    private final StaffRegistry staff;
    private final Departments departments;
    private final Centres centres;
    private final Windows windows;
    private final Trainings trainings;
    private final OrgAccess access;
    private final CentreContext context;
    private final Forms forms;
    private final PhotoCheck photoCheck;

    StaffController(StaffRegistry staff, Departments departments, Centres centres, Windows windows, Trainings trainings,
            OrgAccess access, CentreContext context, Forms forms, PhotoCheck photoCheck) {
        this.photoCheck = photoCheck;
        this.staff = staff;
        this.departments = departments;
        this.centres = centres;
        this.windows = windows;
        this.trainings = trainings;
        this.access = access;
        this.context = context;
        this.forms = forms;
    }

    @ModelAttribute
    void options(Model model) {
        model.addAttribute("genders", Gender.values());
        model.addAttribute("employmentTypes", EmploymentType.values());
    }

    @GetMapping
    String list(@RequestParam(required = false) @Nullable Long centre,
            @RequestParam(required = false) @Nullable Long department, @RequestParam(required = false) @Nullable String q,
            @RequestParam(defaultValue = "false") boolean inactive,
            @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx, Model model) {
        Centre c = context.resolve(centre, model);
        Long limit = access.departmentLimit();
        List<Department> depts = departments.visible(c.id(), false).stream()
                .filter(d -> limit == null || d.id() == limit).toList();
        model.addAttribute("departments", depts);
        model.addAttribute("department", limit != null ? limit : department);
        model.addAttribute("q", q);
        model.addAttribute("inactive", inactive);
        model.addAttribute("staff", staff.list(new StaffRegistry.Filter(c.id(), department, q, inactive)));
        model.addAttribute("canCreate", limit != null || access.canManageCentre(c.id()));
        return htmx != null ? "organization/staff-list :: results" : "organization/staff-list";
    }

    @GetMapping("/new")
    String newForm(@RequestParam(required = false) @Nullable Long centre,
            @RequestParam(required = false) @Nullable Long department, Model model) {
        Centre c = context.resolve(centre, model);
        StaffForm form = new StaffForm();
        List<Department> choices = manageable(c);
        if (choices.isEmpty()) {
            throw new org.springframework.security.access.AccessDeniedException("cannot add staff");
        }
        form.setDepartmentId(department != null ? department : choices.size() == 1 ? choices.getFirst().id() : null);
        form.setRoles(java.util.EnumSet.of(Role.WINDOW_STAFF));
        model.addAttribute("staffData", form);
        return formView(c, null, model);
    }

    @PostMapping
    String create(@RequestParam long centreId, @ModelAttribute("staffData") StaffForm form, BindingResult result,
            @RequestParam(value = "photo", required = false) @Nullable MultipartFile photo, Model model,
            RedirectAttributes redirect) throws IOException {
        Centre c = centres.get(centreId);
        model.addAttribute("centre", c);
        if (form.getDepartmentId() != null) {
            departments.find(form.getDepartmentId()).filter(d -> d.centreId() == c.id())
                    .ifPresent(d -> access.checkManageStaff(d.centreId(), d.id()));
        }
        Upload upload = upload(photo, model);
        boolean valid = forms.valid(form.toData(), result);
        if (!valid || !upload.ok()) {
            return formView(c, null, model);
        }
        try {
            long id = staff.create(form.toData(), upload.photo());
            forms.flash(redirect, "org.staff.created", form.getName());
            return "redirect:/org/staff/" + id;
        } catch (DomainException e) {
            reject(e, result, model);
            return formView(c, null, model);
        }
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, Model model) {
        Staff s = staff.get(id);
        boolean manage = staff.canManage(s);
        model.addAttribute("s", s);
        model.addAttribute("centre", centres.get(s.centreId()));
        model.addAttribute("department", departments.get(s.departmentId()));
        model.addAttribute("idNumber", staff.idNumberFor(s));
        model.addAttribute("mobile", manage ? s.mobile() : s.maskedMobile());
        model.addAttribute("canManage", manage);
        model.addAttribute("posts", windows.ofStaff(id));
        model.addAttribute("history", windows.historyOfStaff(id));
        model.addAttribute("trainings", trainings.ofStaff(id));
        return "organization/staff-detail";
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        Staff s = staff.get(id);
        access.checkManageStaff(s.centreId(), s.departmentId());
        model.addAttribute("staffData", StaffForm.of(s, true));
        return formView(centres.get(s.centreId()), s, model);
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @ModelAttribute("staffData") StaffForm form, BindingResult result,
            @RequestParam(value = "photo", required = false) @Nullable MultipartFile photo, Model model,
            RedirectAttributes redirect) throws IOException {
        Staff s = staff.get(id);
        access.checkManageStaff(s.centreId(), s.departmentId());
        Centre c = centres.get(s.centreId());
        form.setCreateLogin(false);
        Upload upload = upload(photo, model);
        boolean valid = forms.valid(form.toData(), result);
        if (!valid || !upload.ok()) {
            return formView(c, s, model);
        }
        try {
            staff.update(id, form.toData(), form.isActive(), upload.photo());
        } catch (DomainException e) {
            reject(e, result, model);
            return formView(c, s, model);
        }
        forms.flash(redirect, "org.staff.saved", form.getName());
        return "redirect:/org/staff/" + id;
    }

    /** The photo of a staff member the user may see. */
    @GetMapping("/{id}/photo")
    ResponseEntity<byte[]> photo(@PathVariable long id) {
        Staff s = staff.get(id);
        return staff.photo(s).map(StaffController::image).orElse(ResponseEntity.notFound().build());
    }

    static ResponseEntity<byte[]> image(Photo p) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(p.contentType()))
                .cacheControl(CacheControl.noCache().cachePrivate()).eTag("\"p" + p.id() + "\"").body(p.content());
    }

    /** An uploaded photo, checked before anything is saved; a refused file is explained next to the photo field. */
    private record Upload(PhotoCheck.@Nullable Checked photo, boolean ok) {
    }

    private Upload upload(@Nullable MultipartFile photo, Model model) throws IOException {
        if (photo == null || photo.isEmpty()) {
            return new Upload(null, true);
        }
        try {
            return new Upload(photoCheck.check(photo.getBytes()), true);
        } catch (DomainException e) {
            model.addAttribute("photoError", forms.text(e.messageKey(), e.args()));
            return new Upload(null, false);
        }
    }

    private void reject(DomainException e, BindingResult result, Model model) {
        if ("photo".equals(e.field())) {
            model.addAttribute("photoError", forms.text(e.messageKey(), e.args()));
        } else {
            forms.reject(e, result);
        }
    }

    private String formView(Centre c, @Nullable Staff s, Model model) {
        model.addAttribute("centre", c);
        model.addAttribute("s", s);
        model.addAttribute("departments", manageable(c));
        model.addAttribute("grantableRoles", Arrays.stream(Role.values())
                .filter(r -> manageable(c).stream().anyMatch(d -> access.canGrant(r, c.id(), d.id()))).toList());
        model.addAttribute("maskedId", s == null ? null : s.maskedIdNumber());
        model.addAttribute("canMove", access.canManageCentre(c.id()));
        return "organization/staff-form";
    }

    /** The departments the user may add staff to. */
    private List<Department> manageable(Centre c) {
        return departments.visible(c.id(), false).stream().filter(d -> access.canManageStaff(c.id(), d.id())).toList();
    }
}
