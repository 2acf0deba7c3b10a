package org.openhall.organization.web;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openhall.organization.DepartmentKind;
import org.openhall.organization.EmploymentType;
import org.openhall.organization.Gender;
import org.openhall.organization.StaffData;
import org.openhall.organization.WindowData;
import org.openhall.organization.WindowType;
import org.openhall.organization.internal.Centre;
import org.openhall.organization.internal.Centres;
import org.openhall.organization.internal.Department;
import org.openhall.organization.internal.Departments;
import org.openhall.organization.internal.Staff;
import org.openhall.organization.internal.StaffRegistry;
import org.openhall.organization.internal.Windows;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The organisation over REST (HTTP Basic, same data scope as the pages). Personal data is masked.
 * Bad input: 400 problem details with {@code errors[]}; outside the scope: 403; a duplicate staff or
 * window number: 409. Nothing is written on any error.
 */
@RestController
@RequestMapping("/api/v1/org")
class OrganizationRestController {

    private final Centres centres;
    private final Departments departments;
    private final StaffRegistry staff;
    private final Windows windows;

    OrganizationRestController(Centres centres, Departments departments, StaffRegistry staff, Windows windows) {
        this.centres = centres;
        this.departments = departments;
        this.staff = staff;
        this.windows = windows;
    }

    record CentreView(long id, String code, String name, String zone, @Nullable String address, @Nullable String phone,
            boolean active) {
        static CentreView of(Centre c) {
            return new CentreView(c.id(), c.code(), c.name(), c.zone(), c.address(), c.phone(), c.active());
        }
    }

    record DepartmentView(long id, long centreId, String code, String name, DepartmentKind kind,
            @Nullable String headName, @Nullable String phone, int dutyOrder, boolean active) {
        static DepartmentView of(Department d) {
            return new DepartmentView(d.id(), d.centreId(), d.code(), d.name(), d.kind(), d.headName(), d.phone(),
                    d.dutyOrder(), d.active());
        }
    }

    /** A staff member with the ID number and the mobile masked (SEC-2). */
    record StaffView(long id, long centreId, long departmentId, String staffNumber, String name, Gender gender,
            @Nullable String idNumber, @Nullable String mobile, @Nullable String position, @Nullable String duties,
            EmploymentType employmentType, boolean publicProfile, boolean active, @Nullable String photo) {
        static StaffView of(Staff s) {
            return new StaffView(s.id(), s.centreId(), s.departmentId(), s.staffNumber(), s.name(), s.gender(),
                    s.maskedIdNumber(), s.maskedMobile(), s.position(), s.duties(), s.employmentType(),
                    s.publicProfile(), s.active(), s.hasPhoto() ? "/org/staff/" + s.id() + "/photo" : null);
        }
    }

    record PostView(long staffId, String staffNumber, String name) {
    }

    record WindowView(long id, long centreId, long departmentId, String departmentName, String number, String name,
            WindowType type, @Nullable String location, List<String> services, PostView postA, PostView postB,
            boolean active) {
        static WindowView of(Windows.Listed l) {
            var w = l.window();
            return new WindowView(w.id(), w.centreId(), w.departmentId(), l.departmentName(), w.number(), w.name(),
                    w.type(), w.location(), w.services(), new PostView(w.postAStaffId(), l.postANumber(), l.postAName()),
                    new PostView(w.postBStaffId(), l.postBNumber(), l.postBName()), w.active());
        }
    }

    @GetMapping("/centres")
    List<CentreView> centres() {
        return centres.visible().stream().map(CentreView::of).toList();
    }

    @GetMapping("/departments")
    List<DepartmentView> departments(@RequestParam(required = false) @Nullable Long centre,
            @RequestParam(defaultValue = "false") boolean inactive) {
        Centre c = centres.current(centre);
        return departments.visible(c.id(), inactive).stream().map(DepartmentView::of).toList();
    }

    @GetMapping("/staff")
    List<StaffView> staff(@RequestParam(required = false) @Nullable Long centre,
            @RequestParam(required = false) @Nullable Long department, @RequestParam(required = false) @Nullable String q,
            @RequestParam(defaultValue = "false") boolean inactive) {
        Centre c = centres.current(centre);
        return staff.list(new StaffRegistry.Filter(c.id(), department, q, inactive)).stream()
                .map(l -> StaffView.of(l.staff())).toList();
    }

    @GetMapping("/staff/{id}")
    StaffView staffMember(@PathVariable long id) {
        return StaffView.of(staff.get(id));
    }

    @PostMapping("/staff")
    ResponseEntity<StaffView> createStaff(@Valid @RequestBody StaffData data) {
        long id = staff.create(data);
        return ResponseEntity.created(URI.create("/api/v1/org/staff/" + id)).body(StaffView.of(staff.get(id)));
    }

    @GetMapping("/windows")
    List<WindowView> windows(@RequestParam(required = false) @Nullable Long centre,
            @RequestParam(required = false) @Nullable Long department, @RequestParam(defaultValue = "false") boolean inactive) {
        Centre c = centres.current(centre);
        return windows.list(c.id(), department, inactive).stream().map(WindowView::of).toList();
    }

    @GetMapping("/windows/{id}")
    WindowView window(@PathVariable long id) {
        return WindowView.of(windows.get(id));
    }

    @PostMapping("/windows")
    ResponseEntity<WindowView> createWindow(@Valid @RequestBody WindowData data) {
        long id = windows.create(data);
        return ResponseEntity.created(URI.create("/api/v1/org/windows/" + id)).body(WindowView.of(windows.get(id)));
    }
}
