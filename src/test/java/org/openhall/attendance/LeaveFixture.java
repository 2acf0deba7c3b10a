package org.openhall.attendance;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openhall.attendance.internal.LeaveLeaders;
import org.openhall.organization.Gender;
import org.openhall.organization.OrgFixture;
import org.openhall.organization.OrganizationCommands;
import org.openhall.security.Role;
import org.openhall.security.UserAccounts;
import org.openhall.test.MutableClock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A centre for the leave tests (ATT-2): an {@link OrgFixture.Org} plus two leaders with LEADER accounts (王丽娟 and 郑国平,
 * both principal leaders; 郑国平 deputy of 医保中心, 王丽娟 deputy of 劳动就业中心), and logins for the clerk's colleague
 * 陈晓燕 (the usual stand-in). Test classes share one application context through {@link Config}: the clock stands on
 * Monday 2026-11-02 09:00 in Asia/Shanghai.
 */
public final class LeaveFixture {

    /** Monday 2026-11-02 09:00 in Asia/Shanghai. */
    public static final Instant NOW = Instant.parse("2026-11-02T01:00:00Z");
    public static final MutableClock CLOCK = new MutableClock(NOW);
    public static final LocalDate MON = LocalDate.of(2026, 11, 2);

    private LeaveFixture() {
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {
        @Bean
        @Primary
        Clock leaveTestClock() {
            return CLOCK;
        }
    }

    /**
     * @param clerk       张伟 of 医保中心 (WINDOW_STAFF), the usual applicant
     * @param standIn     陈晓燕 of 医保中心
     * @param principal1  王丽娟 (LEADER), deputy of 劳动就业中心
     * @param principal2  郑国平 (LEADER), deputy of 医保中心
     */
    public record Centre(OrgFixture.Org org, long clerk, long standIn, long principal1, long principal2,
            String standInLogin, String leader1, String leader2) {

        public long centreId() {
            return org.centreId();
        }
    }

    public static Centre create(OrganizationCommands orgCommands, UserAccounts accounts, LeaveLeaders leaders) {
        OrgFixture.Org o = OrgFixture.create(orgCommands, accounts);
        String p = "t" + o.n() + "-";
        long l1 = orgCommands.createStaff(OrgFixture.staff(o.employment(), "BG01", "王丽娟", Gender.FEMALE));
        long l2 = orgCommands.createStaff(OrgFixture.staff(o.employment(), "BG02", "郑国平", Gender.MALE));
        accounts.create(new UserAccounts.NewAccount(p + "leader1", OrgFixture.PASSWORD, "王丽娟", Set.of(Role.LEADER),
                o.centreId(), null, l1));
        accounts.create(new UserAccounts.NewAccount(p + "leader2", OrgFixture.PASSWORD, "郑国平", Set.of(Role.LEADER),
                o.centreId(), null, l2));
        accounts.create(new UserAccounts.NewAccount(p + "standin", OrgFixture.PASSWORD, "陈晓燕", Set.of(Role.WINDOW_STAFF),
                o.centreId(), o.medical(), o.medicalStaff()[2]));
        leaders.save(o.centreId(), List.of(l1, l2), Map.of(o.medical(), l2, o.employment(), l1), "test");
        return new Centre(o, o.medicalStaff()[1], o.medicalStaff()[2], l1, l2, p + "standin", p + "leader1",
                p + "leader2");
    }
}
