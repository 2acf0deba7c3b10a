package org.openhall.organization;

import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.openhall.security.Role;
import org.openhall.security.UserAccounts;
import org.openhall.shared.ChineseIdNumber;

/**
 * Builds small organisations for tests through the public API: a centre with two departments
 * (医保中心, 劳动就业中心), three staff in each and one window, plus logins per role. Every call
 * uses fresh codes and usernames, so tests sharing an application context do not collide.
 */
public final class OrgFixture {

    private static final AtomicInteger SEQ = new AtomicInteger();

    private OrgFixture() {
    }

    /** A valid GB 11643 ID number (made up) for the n-th test person. */
    public static String idNumber(int n, Gender gender) {
        int seq = 200 + 2 * (n % 300) + (gender == Gender.MALE ? 1 : 0);
        String first17 = "110105" + "%04d%02d%02d".formatted(1980 + n % 20, 1 + n % 12, 1 + n % 28) + "%03d".formatted(seq % 1000);
        return first17 + ChineseIdNumber.checkCharacter(first17);
    }

    /** The same number with a wrong check character. */
    public static String wrongCheckDigit(String idNumber) {
        char c = idNumber.charAt(17);
        char other = c == '1' ? '2' : '1';
        return idNumber.substring(0, 17) + other;
    }

    public static StaffData staff(long departmentId, String number, String name, Gender gender) {
        return new StaffData(departmentId, number, name, gender, idNumber(SEQ.incrementAndGet(), gender),
                "1390000" + "%04d".formatted(SEQ.get() % 10000), "窗口受理员", "负责受理", EmploymentType.REGULAR, true,
                null, null, null);
    }

    /** A small centre: ids of what was made, and usernames for each role (password {@link #PASSWORD}). */
    public record Org(int n, long centreId, String code, long medical, long employment, long[] medicalStaff,
            long[] employmentStaff, long windowId, String admin, String office, String leader, String medicalHead,
            String employmentHead, String supervisor, String clerk) {
    }

    public static final String PASSWORD = "secret-123";

    public static Org create(OrganizationCommands org, UserAccounts accounts) {
        int n = SEQ.incrementAndGet();
        String code = "T" + n + "-SSC";
        long centre = org.createCentre(new CentreData(code, "测试县社会保险服务中心" + n, "Asia/Shanghai", "测试路1号", "0797-1234567"));
        long medical = org.createDepartment(new DepartmentData(centre, "YB", "医保中心", DepartmentKind.STATIONED, "李主任",
                null, 1));
        long employment = org.createDepartment(new DepartmentData(centre, "JY", "劳动就业中心", DepartmentKind.STATIONED,
                "王主任", null, 2));
        long[] med = {
                org.createStaff(staff(medical, "YB01", "李秀英", Gender.FEMALE)),
                org.createStaff(staff(medical, "YB02", "张伟", Gender.MALE)),
                org.createStaff(staff(medical, "YB03", "陈晓燕", Gender.FEMALE))};
        long[] emp = {
                org.createStaff(staff(employment, "JY01", "王建国", Gender.MALE)),
                org.createStaff(staff(employment, "JY02", "刘芳", Gender.FEMALE)),
                org.createStaff(staff(employment, "JY03", "赵磊", Gender.MALE))};
        long window = org.createWindow(new WindowData(medical, "5", "医保参保登记", WindowType.ACCEPTANCE, "一楼B区",
                java.util.List.of("城乡居民医保参保登记", "异地就医备案"), med[1], med[2], java.time.LocalDate.of(2025, 1, 2)));
        String p = "t" + n + "-";
        accounts.create(new UserAccounts.NewAccount(p + "admin", PASSWORD, "管理员", Set.of(Role.ADMIN), null, null, null));
        accounts.create(new UserAccounts.NewAccount(p + "office", PASSWORD, "办公室", Set.of(Role.CENTRE_OFFICE), centre, null, null));
        accounts.create(new UserAccounts.NewAccount(p + "leader", PASSWORD, "领导", Set.of(Role.LEADER), centre, null, null));
        accounts.create(new UserAccounts.NewAccount(p + "yb-head", PASSWORD, "李秀英", Set.of(Role.DEPT_HEAD), centre, medical, med[0]));
        accounts.create(new UserAccounts.NewAccount(p + "jy-head", PASSWORD, "王建国", Set.of(Role.DEPT_HEAD), centre, employment, emp[0]));
        accounts.create(new UserAccounts.NewAccount(p + "supervisor", PASSWORD, "督导", Set.of(Role.SUPERVISOR), centre, null, null));
        accounts.create(new UserAccounts.NewAccount(p + "clerk", PASSWORD, "张伟", Set.of(Role.WINDOW_STAFF), centre, medical, med[1]));
        return new Org(n, centre, code, medical, employment, med, emp, window, p + "admin", p + "office", p + "leader",
                p + "yb-head", p + "jy-head", p + "supervisor", p + "clerk");
    }
}
