package org.openhall.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhall.organization.internal.ServiceWindow;
import org.openhall.organization.internal.StaffRegistry;
import org.openhall.organization.internal.Windows;
import org.openhall.security.UserAccounts;
import org.openhall.shared.DomainException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The organisation's rules through its services on a real database: uniqueness, A/B posts, rotation, scope, audit. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OrganizationRulesTests {

    @Autowired
    OrganizationCommands commands;

    @Autowired
    OrganizationApi api;

    @Autowired
    UserAccounts accounts;

    @Autowired
    StaffRegistry staff;

    @Autowired
    Windows windows;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    @Autowired
    org.openhall.calendar.CalendarApi calendar;

    @Autowired
    org.openhall.organization.internal.Centres centres;

    OrgFixture.Org o;

    @BeforeEach
    void setUp() {
        o = OrgFixture.create(commands, accounts);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    void signIn(String username) {
        UserDetails u = users.loadUserByUsername(username);
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(u, null, u.getAuthorities()));
    }

    long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    static DomainException refused(Runnable r) {
        try {
            r.run();
        } catch (DomainException e) {
            return e;
        }
        throw new AssertionError("expected a DomainException");
    }

    @Test
    void theCalendarOfACentreFollowsTheCentresZone() {
        long id = commands.createCentre(new CentreData("URQ-" + o.n(), "乌鲁木齐测试中心" + o.n(), "Asia/Urumqi", null, null));
        String code = "URQ-" + o.n();
        assertThat(calendar.zone(code)).isEqualTo(java.time.ZoneId.of("Asia/Urumqi"));
        centres.update(id, new CentreData(code, "乌鲁木齐测试中心" + o.n(), "Asia/Kashgar", null, null), true);
        assertThat(calendar.zone(code)).isEqualTo(java.time.ZoneId.of("Asia/Kashgar"));
        // a change of name alone keeps the zone
        centres.update(id, new CentreData(code, "乌鲁木齐测试中心（新址）" + o.n(), "Asia/Kashgar", null, null), true);
        assertThat(calendar.zone(code)).isEqualTo(java.time.ZoneId.of("Asia/Kashgar"));
        assertThat(calendar.openingHours(code).opens().toString()).isEqualTo("08:30");
    }

    @Test
    void aNewOrRenamedCentreIsRegisteredWithTheCalendar() {
        assertThat(calendar.openingHours(o.code())).isNotNull();
        assertThat(calendar.isWorkingDay(o.code(), LocalDate.of(2026, 10, 1))).isFalse();
        centres.update(o.centreId(), new CentreData(o.code(), "改名后的服务中心", "Asia/Shanghai", null, null), true);
        assertThat(jdbc.sql("select count(*) from audit_log where entity_type = 'CalendarCentre' and entity_id = :id and action = 'UPDATE'")
                .param("id", Long.toString(o.centreId())).query(Long.class).single()).isEqualTo(1L);
        assertThat(api.centre(o.centreId()).orElseThrow().name()).isEqualTo("改名后的服务中心");
    }

    @Test
    void staffNumberIsUniquePerCentre() {
        long before = count("org_staff");
        DomainException e = refused(() -> commands.createStaff(OrgFixture.staff(o.medical(), "YB01", "重复", Gender.MALE)));
        assertThat(e.kind()).isEqualTo(DomainException.Kind.CONFLICT);
        assertThat(e.field()).isEqualTo("staffNumber");
        assertThat(e.messageKey()).isEqualTo("org.staff.number.taken");
        assertThat(count("org_staff")).isEqualTo(before);
        // the same number in another centre is fine
        OrgFixture.Org other = OrgFixture.create(commands, accounts);
        assertThat(api.staffOfCentre(other.centreId())).extracting(StaffSummary::staffNumber).contains("YB01");
    }

    @Test
    void windowPostsAAndBMustBeDifferentStaffOfTheSameCentre() {
        long before = count("org_window");
        DomainException same = refused(() -> commands.createWindow(new WindowData(o.medical(), "6", "异地就医", WindowType.ACCEPTANCE,
                null, List.of(), o.medicalStaff()[1], o.medicalStaff()[1], null)));
        assertThat(same.field()).isEqualTo("postBStaffId");
        assertThat(same.messageKey()).isEqualTo("org.window.post.same");

        OrgFixture.Org other = OrgFixture.create(commands, accounts);
        DomainException foreign = refused(() -> commands.createWindow(new WindowData(o.medical(), "6", "异地就医",
                WindowType.ACCEPTANCE, null, List.of(), o.medicalStaff()[1], other.medicalStaff()[2], null)));
        assertThat(foreign.field()).isEqualTo("postBStaffId");
        assertThat(foreign.messageKey()).isEqualTo("org.window.post.otherCentre");
        assertThat(count("org_window")).isEqualTo(before + 1); // only the other fixture's window
    }

    @Test
    void windowNumberIsUniquePerCentre() {
        DomainException e = refused(() -> commands.createWindow(new WindowData(o.employment(), "5", "就业登记",
                WindowType.ACCEPTANCE, null, List.of(), o.employmentStaff()[1], o.employmentStaff()[2], null)));
        assertThat(e.kind()).isEqualTo(DomainException.Kind.CONFLICT);
        assertThat(e.field()).isEqualTo("number");
    }

    @Test
    void anInvalidIdNumberOrAMismatchedGenderIsRefusedAndNothingSaved() {
        long before = count("org_staff");
        StaffData good = OrgFixture.staff(o.medical(), "YB09", "孙浩然", Gender.MALE);
        StaffData badCheck = new StaffData(good.departmentId(), good.staffNumber(), good.name(), good.gender(),
                OrgFixture.wrongCheckDigit(good.idNumber()), good.mobile(), null, null, EmploymentType.TEMPORARY, false,
                null, null, null);
        DomainException e = refused(() -> commands.createStaff(badCheck));
        assertThat(e.field()).isEqualTo("idNumber");
        assertThat(e.messageKey()).isEqualTo("shared.idNumber.checksum");
        StaffData wrongGender = new StaffData(good.departmentId(), good.staffNumber(), good.name(), Gender.FEMALE,
                good.idNumber(), good.mobile(), null, null, EmploymentType.TEMPORARY, false, null, null, null);
        assertThat(refused(() -> commands.createStaff(wrongGender)).messageKey()).isEqualTo("org.staff.gender.mismatch");
        StaffData badMobile = new StaffData(good.departmentId(), good.staffNumber(), good.name(), good.gender(),
                good.idNumber(), "12345", null, null, EmploymentType.TEMPORARY, false, null, null, null);
        assertThat(refused(() -> commands.createStaff(badMobile)).field()).isEqualTo("mobile");
        assertThat(count("org_staff")).isEqualTo(before);
    }

    @Test
    void rotationClosesTheOldTermsAndOpensNewOnesWithTheReason() {
        WindowInfo w = api.window(o.windowId()).orElseThrow();
        LocalDate day = LocalDate.of(2026, 1, 5);
        commands.rotate(o.windowId(), w.postB().staffId(), w.postA().staffId(), day, "定期轮岗");
        WindowInfo after = api.window(o.windowId()).orElseThrow();
        assertThat(after.postA().staffId()).isEqualTo(w.postB().staffId());
        assertThat(after.postB().staffId()).isEqualTo(w.postA().staffId());
        var history = windows.history(o.windowId());
        assertThat(history).hasSize(4);
        assertThat(history).filteredOn(t -> t.to() == null).hasSize(2)
                .allSatisfy(t -> {
                    assertThat(t.from()).isEqualTo(day);
                    assertThat(t.reason()).isEqualTo("定期轮岗");
                });
        assertThat(history).filteredOn(t -> t.to() != null).allSatisfy(t -> assertThat(t.to()).isEqualTo(day));
        assertThat(windows.historyOfStaff(w.postA().staffId())).hasSize(2);
        assertThat(refused(() -> commands.rotate(o.windowId(), after.postA().staffId(), after.postB().staffId(), day, "无变化"))
                .messageKey()).isEqualTo("org.rotation.nothing");
        assertThat(refused(() -> commands.rotate(o.windowId(), o.medicalStaff()[0], after.postB().staffId(),
                day.minusDays(10), "早于现任")).messageKey()).isEqualTo("org.rotation.beforeCurrent");
    }

    @Test
    void staffHoldingAPostCannotBeDeactivated() {
        long holder = o.medicalStaff()[1];
        var s = staff.find(holder).orElseThrow();
        StaffData same = new StaffData(s.departmentId(), s.staffNumber(), s.name(), s.gender(), null, s.mobile(),
                s.position(), s.duties(), s.employmentType(), s.publicProfile(), null, null, null);
        DomainException e = refused(() -> staff.update(holder, same, false));
        assertThat(e.messageKey()).isEqualTo("org.staff.holdsPosts");
        assertThat(staff.find(holder).orElseThrow().active()).isTrue();
    }

    @Test
    void everyChangeIsAuditedWithPersonalDataMasked() {
        List<String> states = jdbc.sql("select after_state from audit_log where entity_type = 'Staff' and centre_id = :c")
                .param("c", o.centreId()).query(String.class).list();
        assertThat(states).hasSize(6);
        List<String> ids = jdbc.sql("select id_number from org_staff where centre_id = :c").param("c", o.centreId())
                .query(String.class).list();
        for (String id : ids) {
            assertThat(String.join("\n", states)).doesNotContain(id);
        }
        assertThat(jdbc.sql("select count(*) from audit_log where entity_type in ('Centre','Department','ServiceWindow') and centre_id = :c")
                .param("c", o.centreId()).query(Long.class).single()).isEqualTo(4L);
    }

    @Test
    void aDepartmentHeadWorksOnlyInTheirDepartment() {
        signIn(o.medicalHead());
        var listed = staff.list(new StaffRegistry.Filter(o.centreId(), null, null, false));
        assertThat(listed).extracting(l -> l.staff().departmentId()).containsOnly(o.medical());
        assertThat(listed).hasSize(3);
        assertThatThrownBy(() -> staff.get(o.employmentStaff()[1])).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> staff.list(new StaffRegistry.Filter(o.centreId(), o.employment(), null, false)))
                .isInstanceOf(AccessDeniedException.class);
        long before = count("org_staff");
        assertThatThrownBy(() -> commands.createStaff(OrgFixture.staff(o.employment(), "JY09", "钱七", Gender.MALE)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> commands.createWindow(new WindowData(o.medical(), "9", "新窗口", WindowType.GENERAL, null,
                List.of(), o.medicalStaff()[0], o.medicalStaff()[2], null))).isInstanceOf(AccessDeniedException.class);
        long mine = commands.createStaff(OrgFixture.staff(o.medical(), "YB08", "吴昊", Gender.MALE));
        assertThat(staff.get(mine).departmentId()).isEqualTo(o.medical());
        assertThat(count("org_staff")).isEqualTo(before + 1);
        assertThat(jdbc.sql("select actor from audit_log where entity_type = 'Staff' and entity_id = :id")
                .param("id", Long.toString(mine)).query(String.class).single()).isEqualTo(o.medicalHead());
    }

    @Test
    void theCentreOfficeCannotTouchAnotherCentre() {
        OrgFixture.Org other = OrgFixture.create(commands, accounts);
        signIn(o.office());
        assertThatThrownBy(() -> staff.get(other.medicalStaff()[0])).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> commands.createDepartment(new DepartmentData(other.centreId(), "X", "外中心部门",
                DepartmentKind.INTERNAL, null, null, 9))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> commands.createCentre(new CentreData("NEW-C", "新中心", null, null, null)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aNewStaffMemberMayGetALoginAccount() {
        long id = commands.createStaff(new StaffData(o.medical(), "YB10", "徐丹", Gender.FEMALE, null, null, "窗口受理员",
                null, EmploymentType.TEMPORARY, false, "t" + o.n() + "-xudan", "longenough", java.util.Set.of(
                        org.openhall.security.Role.WINDOW_STAFF)));
        var account = accounts.findByUsername("t" + o.n() + "-xudan").orElseThrow();
        assertThat(account.staffId()).isEqualTo(id);
        assertThat(account.departmentId()).isEqualTo(o.medical());
        assertThat(account.centreId()).isEqualTo(o.centreId());
        assertThat(refused(() -> commands.createStaff(new StaffData(o.medical(), "YB11", "胡艳", Gender.FEMALE, null, null,
                null, null, EmploymentType.REGULAR, false, "t" + o.n() + "-huyan", "short", java.util.Set.of(
                        org.openhall.security.Role.WINDOW_STAFF)))).field()).isEqualTo("password");
        assertThat(accounts.exists("t" + o.n() + "-huyan")).isFalse();
    }

    @Test
    void windowServicesAndReasonsAreCheckedByTheServiceToo() {
        long before = count("org_window");
        java.util.List<String> withNull = new java.util.ArrayList<>();
        withNull.add(null);
        DomainException nullEntry = refused(() -> commands.createWindow(new WindowData(o.medical(), "30", "综合", WindowType.GENERAL,
                null, withNull, o.medicalStaff()[0], o.medicalStaff()[2], null)));
        assertThat(nullEntry.field()).isEqualTo("services[0]");
        assertThat(nullEntry.messageKey()).isEqualTo("org.window.services.blank");
        DomainException tooLong = refused(() -> commands.createWindow(new WindowData(o.medical(), "30", "综合", WindowType.GENERAL,
                null, java.util.Collections.nCopies(25, "事".repeat(100)), o.medicalStaff()[0], o.medicalStaff()[2], null)));
        assertThat(tooLong.messageKey()).isEqualTo("org.window.services.size");
        assertThat(count("org_window")).isEqualTo(before);

        ServiceWindow w = windows.get(o.windowId()).window();
        WindowData same = new WindowData(w.departmentId(), w.number(), "改名", w.type(), w.location(), w.services(),
                o.medicalStaff()[2], o.medicalStaff()[1], null);
        DomainException reason = refused(() -> windows.update(o.windowId(), same, true, "因".repeat(201)));
        assertThat(reason.field()).isEqualTo("reason");
        assertThat(windows.get(o.windowId()).window().name()).isEqualTo(w.name());
    }

    @Test
    void photosMustReallyBeJpegOrPngOfAtMostTwoMegabytes() throws Exception {
        long id = o.medicalStaff()[0];
        assertThat(refused(() -> commands.uploadPhoto(id, "GIF89a not a photo".getBytes())).messageKey())
                .isEqualTo("org.photo.type");
        byte[] fakePng = new byte[64];
        System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, 0, fakePng, 0, 8);
        assertThat(refused(() -> commands.uploadPhoto(id, fakePng)).messageKey()).isEqualTo("org.photo.unreadable");
        byte[] huge = new byte[2 * 1024 * 1024 + 1];
        huge[0] = (byte) 0xFF;
        huge[1] = (byte) 0xD8;
        huge[2] = (byte) 0xFF;
        assertThat(refused(() -> commands.uploadPhoto(id, huge)).messageKey()).isEqualTo("org.photo.tooLarge");
        assertThat(staff.find(id).orElseThrow().photoId()).isNull();
        // a small file of 20000 × 20000 pixels: refused by its header, not decoded (SEC-4)
        assertThat(refused(() -> commands.uploadPhoto(id, org.openhall.organization.internal.HugePng.of(20000, 20000)))
                .messageKey()).isEqualTo("org.photo.tooManyPixels");
        assertThat(staff.find(id).orElseThrow().photoId()).isNull();

        BufferedImage img = new BufferedImage(60, 80, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "jpg", out);
        commands.uploadPhoto(id, out.toByteArray());
        var s = staff.find(id).orElseThrow();
        assertThat(staff.photo(s)).hasValueSatisfying(p -> {
            assertThat(p.contentType()).isEqualTo("image/jpeg");
            assertThat(p.width()).isEqualTo(60);
        });
    }
}
