package org.openhall.duty;

import java.util.Set;
import org.openhall.organization.DepartmentData;
import org.openhall.organization.DepartmentKind;
import org.openhall.organization.Gender;
import org.openhall.organization.OrgFixture;
import org.openhall.organization.OrganizationCommands;
import org.openhall.security.Role;
import org.openhall.security.UserAccounts;

/**
 * A centre for the tests of leaders on duty (DUTY-6, DUTY-7): the two stationed departments of {@link OrgFixture}
 * (医保中心 with head 李秀英, 劳动就业中心 with head 王建国) and the centre's own office with its leader 王丽娟, whose
 * account is linked to her staff record so that she receives escalated incidents.
 */
public final class LeadersFixture {

    public record Centre(OrgFixture.Org org, long officeDept, long leaderStaff, String leader) {
    }

    private LeadersFixture() {
    }

    public static Centre create(OrganizationCommands commands, UserAccounts accounts) {
        OrgFixture.Org o = OrgFixture.create(commands, accounts);
        long office = commands.createDepartment(new DepartmentData(o.centreId(), "BGS", "中心办公室", DepartmentKind.INTERNAL,
                "王丽娟", null, 9));
        long leaderStaff = commands.createStaff(OrgFixture.staff(office, "BG01", "王丽娟", Gender.FEMALE));
        String leader = "t" + o.n() + "-centre-leader";
        accounts.create(new UserAccounts.NewAccount(leader, OrgFixture.PASSWORD, "王丽娟", Set.of(Role.LEADER), o.centreId(),
                null, leaderStaff));
        return new Centre(o, office, leaderStaff, leader);
    }
}
