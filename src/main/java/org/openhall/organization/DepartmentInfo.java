package org.openhall.organization;

/** A department or stationed unit; {@code dutyOrder} is the turn-taking order of duty rosters. */
public record DepartmentInfo(long id, long centreId, String code, String name, DepartmentKind kind, int dutyOrder,
        boolean active) {
}
