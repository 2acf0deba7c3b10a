package org.openhall.organization.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.openhall.organization.CentreData;
import org.openhall.organization.CentreInfo;
import org.openhall.organization.DepartmentData;
import org.openhall.organization.DepartmentInfo;
import org.openhall.organization.OrganizationApi;
import org.openhall.organization.OrganizationCommands;
import org.openhall.organization.PostHolder;
import org.openhall.organization.StaffData;
import org.openhall.organization.StaffSummary;
import org.openhall.organization.TrainingData;
import org.openhall.organization.WindowData;
import org.openhall.organization.WindowInfo;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The module's public API, backed by its services. */
@Service
class OrganizationFacade implements OrganizationApi, OrganizationCommands {

    private final Centres centres;
    private final Departments departments;
    private final StaffRegistry staff;
    private final Windows windows;
    private final Trainings trainings;

    OrganizationFacade(Centres centres, Departments departments, StaffRegistry staff, Windows windows, Trainings trainings) {
        this.centres = centres;
        this.departments = departments;
        this.staff = staff;
        this.windows = windows;
        this.trainings = trainings;
    }

    static WindowInfo info(Windows.Listed l) {
        ServiceWindow w = l.window();
        return new WindowInfo(w.id(), w.centreId(), w.departmentId(), w.number(), w.name(), w.type(), w.location(),
                w.services(), new PostHolder(w.postAStaffId(), l.postANumber(), l.postAName()),
                new PostHolder(w.postBStaffId(), l.postBNumber(), l.postBName()), w.active());
    }

    @Override
    public Optional<CentreInfo> centre(long centreId) {
        return centres.find(centreId).map(Centre::info);
    }

    @Override
    public Optional<CentreInfo> centreByCode(String code) {
        return centres.findByCode(code).map(Centre::info);
    }

    @Override
    public List<CentreInfo> centres() {
        return centres.all().stream().filter(Centre::active).map(Centre::info).toList();
    }

    @Override
    public Optional<DepartmentInfo> department(long departmentId) {
        return departments.find(departmentId).map(Department::info);
    }

    @Override
    public List<DepartmentInfo> departments(long centreId) {
        return departments.ofCentre(centreId, false).stream().map(Department::info).toList();
    }

    @Override
    public Optional<StaffSummary> staff(long staffId) {
        return staff.find(staffId).map(Staff::summary);
    }

    @Override
    public Optional<String> staffMobile(long staffId) {
        return staff.find(staffId).filter(Staff::active).map(Staff::mobile);
    }

    @Override
    public List<StaffSummary> staffOfCentre(long centreId) {
        return staff.ofCentre(centreId).stream().map(Staff::summary).toList();
    }

    @Override
    public List<StaffSummary> staffOfDepartment(long departmentId) {
        return staff.ofDepartment(departmentId).stream().map(Staff::summary).toList();
    }

    @Override
    public Optional<WindowInfo> window(long windowId) {
        return windows.findListed(windowId).map(OrganizationFacade::info);
    }

    @Override
    public Optional<WindowInfo> windowByNumber(long centreId, String number) {
        return windows.byNumber(centreId, number).map(OrganizationFacade::info);
    }

    @Override
    public List<WindowInfo> windows(long centreId) {
        return windows.ofCentre(centreId).stream().map(OrganizationFacade::info).toList();
    }

    @Override
    public List<WindowInfo> windowsOfStaff(long staffId) {
        return windows.ofStaff(staffId).stream().map(OrganizationFacade::info).toList();
    }

    @Override
    public long createCentre(CentreData centre) {
        return centres.create(centre);
    }

    @Override
    public long createDepartment(DepartmentData department) {
        return departments.create(department);
    }

    @Override
    public long createStaff(StaffData data) {
        return staff.create(data);
    }

    @Override
    public void uploadPhoto(long staffId, byte[] content) {
        staff.uploadPhoto(staffId, content);
    }

    @Override
    public long createWindow(WindowData window) {
        return windows.create(window);
    }

    @Override
    @Transactional
    public void rotate(long windowId, long postAStaffId, long postBStaffId, LocalDate effective, String reason) {
        windows.rotate(windowId, postAStaffId, postBStaffId, effective, reason);
    }

    @Override
    public long recordTraining(TrainingData training) {
        return trainings.record(training);
    }
}
