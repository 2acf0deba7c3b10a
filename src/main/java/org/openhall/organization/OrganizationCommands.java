package org.openhall.organization;

import java.time.LocalDate;

/**
 * Creating organisation records from other modules (the demo loader, imports). Every call is
 * validated like the pages and the API, applies the signed-in user's data scope (no user: the
 * system) and is audited. Bad data throws {@link org.openhall.shared.DomainException}.
 */
public interface OrganizationCommands {

    long createCentre(CentreData centre);

    long createDepartment(DepartmentData department);

    /** Creates a staff member and, when {@link StaffData#wantsLogin()}, the login account too. */
    long createStaff(StaffData staff);

    /** Sets the photo of a staff member: JPEG or PNG, at most 2 MB. */
    void uploadPhoto(long staffId, byte[] content);

    long createWindow(WindowData window);

    /**
     * Rotation (轮岗, ORG-5): gives the A and B posts of a window to the named staff from
     * {@code effective} on; each post whose holder changes ends the old holder's term that day.
     */
    void rotate(long windowId, long postAStaffId, long postBStaffId, LocalDate effective, String reason);

    long recordTraining(TrainingData training);
}
