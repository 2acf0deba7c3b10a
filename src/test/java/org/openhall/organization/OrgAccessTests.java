package org.openhall.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.openhall.organization.internal.OrgAccessProbe;
import org.openhall.security.CurrentUser;
import org.openhall.security.Role;
import org.springframework.security.access.AccessDeniedException;

/** SEC-1 data scope of the organisation, role by role, without a database. */
class OrgAccessTests {

    static final long CENTRE = 1;
    static final long OTHER_CENTRE = 2;
    static final long MEDICAL = 10;
    static final long EMPLOYMENT = 11;

    static OrgAccessProbe as(Role role, @Nullable Long centre, @Nullable Long department) {
        CurrentUser u = new CurrentUser(1, "u", "用户", Set.of(role), centre, department, null);
        return new OrgAccessProbe(() -> Optional.of(u));
    }

    @Test
    void adminSeesAndManagesEveryCentre() {
        var a = as(Role.ADMIN, null, null);
        assertThat(a.access().canSeeCentre(OTHER_CENTRE)).isTrue();
        assertThat(a.access().canManageCentre(OTHER_CENTRE)).isTrue();
        assertThat(a.access().canCreateCentre()).isTrue();
        assertThat(a.access().canManageStaff(OTHER_CENTRE, EMPLOYMENT)).isTrue();
        assertThat(a.access().seesFullIdNumber(OTHER_CENTRE)).isTrue();
        assertThat(a.access().departmentLimit()).isNull();
    }

    @Test
    void centreOfficeManagesOnlyItsCentreAndCannotGrantAdmin() {
        var o = as(Role.CENTRE_OFFICE, CENTRE, null);
        assertThat(o.access().canManageCentre(CENTRE)).isTrue();
        assertThat(o.access().canManageCentre(OTHER_CENTRE)).isFalse();
        assertThat(o.access().canCreateCentre()).isFalse();
        assertThat(o.access().canManageStaff(CENTRE, EMPLOYMENT)).isTrue();
        assertThat(o.access().seesFullIdNumber(CENTRE)).isTrue();
        assertThat(o.access().seesFullIdNumber(OTHER_CENTRE)).isFalse();
        assertThat(o.access().canGrant(Role.ADMIN, CENTRE, MEDICAL)).isFalse();
        assertThat(o.access().canGrant(Role.DEPT_HEAD, CENTRE, MEDICAL)).isTrue();
        assertThatThrownBy(() -> o.access().checkSeeCentre(OTHER_CENTRE)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void leaderAndSupervisorReadTheirCentreOnly() {
        for (Role r : new Role[] {Role.LEADER, Role.SUPERVISOR}) {
            var l = as(r, CENTRE, null);
            assertThat(l.access().canSeeStaff(CENTRE, EMPLOYMENT)).isTrue();
            assertThat(l.access().canSeeStaff(OTHER_CENTRE, EMPLOYMENT)).isFalse();
            assertThat(l.access().canManageStaff(CENTRE, EMPLOYMENT)).isFalse();
            assertThat(l.access().canManageCentre(CENTRE)).isFalse();
            assertThat(l.access().seesFullIdNumber(CENTRE)).isFalse();
        }
    }

    @Test
    void departmentHeadSeesAndEditsOnlyTheirDepartment() {
        var h = as(Role.DEPT_HEAD, CENTRE, MEDICAL);
        assertThat(h.access().departmentLimit()).isEqualTo(MEDICAL);
        assertThat(h.access().canSeeStaff(CENTRE, MEDICAL)).isTrue();
        assertThat(h.access().canManageStaff(CENTRE, MEDICAL)).isTrue();
        assertThat(h.access().canSeeStaff(CENTRE, EMPLOYMENT)).isFalse();
        assertThat(h.access().canManageStaff(CENTRE, EMPLOYMENT)).isFalse();
        assertThat(h.access().canManageCentre(CENTRE)).isFalse();
        assertThat(h.access().seesFullIdNumber(CENTRE)).isFalse();
        assertThat(h.access().canGrant(Role.WINDOW_STAFF, CENTRE, MEDICAL)).isTrue();
        assertThat(h.access().canGrant(Role.DEPT_HEAD, CENTRE, MEDICAL)).isFalse();
        assertThatThrownBy(() -> h.access().checkSeeStaff(CENTRE, EMPLOYMENT)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void windowStaffSeeNoStaffRecords() {
        var w = as(Role.WINDOW_STAFF, CENTRE, MEDICAL);
        assertThat(w.access().seesStaff()).isFalse();
        assertThat(w.access().canSeeStaff(CENTRE, MEDICAL)).isFalse();
        assertThat(w.access().canSeeCentre(CENTRE)).isTrue();
        assertThat(w.access().canManageStaff(CENTRE, MEDICAL)).isFalse();
    }

    @Test
    void withoutAUserOutsideARequestTheSystemMayDoEverything() {
        var system = new OrgAccessProbe(Optional::empty);
        assertThat(system.access().canManageCentre(OTHER_CENTRE)).isTrue();
        assertThat(system.access().canCreateCentre()).isTrue();
    }
}
