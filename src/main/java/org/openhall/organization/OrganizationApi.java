package org.openhall.organization;

import java.util.List;
import java.util.Optional;

/**
 * Read-only access to the organisation for the other modules (queue, cases, duty, ...). No data scope
 * is applied here: callers apply their own. Lists hold active records only, in display order.
 */
public interface OrganizationApi {

    Optional<CentreInfo> centre(long centreId);

    Optional<CentreInfo> centreByCode(String code);

    /** The active centres of this installation. */
    List<CentreInfo> centres();

    Optional<DepartmentInfo> department(long departmentId);

    /** The active departments of a centre in duty order. */
    List<DepartmentInfo> departments(long centreId);

    Optional<StaffSummary> staff(long staffId);

    /** The mobile of an active staff member, for notifications to them (CASE-5 warnings); never shown. */
    Optional<String> staffMobile(long staffId);

    /** The active staff of a centre, by staff number. */
    List<StaffSummary> staffOfCentre(long centreId);

    /** The active staff of a department, by staff number. */
    List<StaffSummary> staffOfDepartment(long departmentId);

    Optional<WindowInfo> window(long windowId);

    Optional<WindowInfo> windowByNumber(long centreId, String number);

    /** The active windows of a centre, by number. */
    List<WindowInfo> windows(long centreId);

    /** The active windows where the staff member holds the A or the B post. */
    List<WindowInfo> windowsOfStaff(long staffId);
}
