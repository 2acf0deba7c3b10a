package org.openhall.organization;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.openhall.security.Role;
import org.openhall.security.UserAccounts;
import org.openhall.test.BrowserTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Journeys through the organisation pages in a real browser (Chromium, 1366×768), with screenshots. */
class OrganizationJourneyTests extends BrowserTestSupport {

    @Autowired
    UserAccounts accounts;

    @Autowired
    OrganizationCommands commands;

    @Autowired
    JdbcClient jdbc;

    private Locator label(String text) {
        return page.getByLabel(text, new Page.GetByLabelOptions().setExact(true));
    }

    private void save() {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存")).click();
    }

    long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    static Path photo() throws Exception {
        BufferedImage img = new BufferedImage(300, 400, BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        g.setColor(new Color(0x4A, 0x90, 0xD9));
        g.fillRect(0, 0, 300, 400);
        g.setColor(new Color(0xF1, 0xD3, 0xB8));
        g.fillOval(95, 80, 110, 140);
        g.setColor(new Color(0x22, 0x2B, 0x3A));
        g.fillRoundRect(30, 270, 240, 200, 120, 120);
        g.dispose();
        Path file = Path.of("target", "journey-photo.png");
        Files.createDirectories(file.getParent());
        ImageIO.write(img, "png", file.toFile());
        return file;
    }

    @Test
    void theAdministratorSetsUpACentreDepartmentStaffAndWindow() throws Exception {
        String admin = "journey-admin";
        if (!accounts.exists(admin)) {
            accounts.create(new UserAccounts.NewAccount(admin, "journey-pass", "系统管理员", Set.of(Role.ADMIN), null, null, null));
        }
        login(admin, "journey-pass");

        // a centre
        page.navigate(url("/org/centres/new"));
        label("中心代码").fill("JY-TEST");
        label("中心名称").fill("旅程县政务服务中心");
        label("地址").fill("旅程县人民路1号");
        label("电话").fill("0797-8888888");
        screenshot("journey-01-centre-form");
        save();
        assertThat(page.locator(".flash.ok")).hasText("已创建服务中心“旅程县政务服务中心”");
        long centreId = jdbc.sql("select id from org_centre where code = 'JY-TEST'").query(Long.class).single();

        // a department
        page.navigate(url("/org/departments?centre=" + centreId));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("新建部门")).click();
        label("部门名称").fill("医保中心");
        label("部门代码").fill("YB");
        label("负责人").fill("李秀英");
        screenshot("journey-02-department-form");
        save();
        assertThat(page.locator(".flash.ok")).hasText("已创建部门“医保中心”");
        assertThat(page.locator("table.grid")).containsText("医保中心");
        screenshot("journey-03-departments");

        // two staff members, the first with a photo
        page.navigate(url("/org/staff/new?centre=" + centreId));
        label("姓名").fill("张伟");
        label("工号").fill("YB01");
        label("性别").selectOption("MALE");
        label("身份证号码").fill(OrgFixture.idNumber(700, Gender.MALE));
        label("手机号码").fill("13912345678");
        label("职务").fill("窗口受理员");
        label("照片").setInputFiles(photo());
        label("在办事公开栏展示").check();
        screenshot("journey-04-staff-form");
        save();
        assertThat(page.locator(".flash.ok")).hasText("已新增工作人员“张伟”");
        Locator portrait = page.locator("img.portrait");
        assertThat(portrait).isVisible();
        assertThat((Boolean) portrait.evaluate("img => img.complete && img.naturalWidth === 300")).isTrue();
        screenshot("journey-05-staff-detail");

        page.navigate(url("/org/staff/new?centre=" + centreId));
        label("姓名").fill("陈晓燕");
        label("工号").fill("YB02");
        label("性别").selectOption("FEMALE");
        label("用工类型").selectOption("TEMPORARY");
        save();
        assertThat(page.locator(".flash.ok")).hasText("已新增工作人员“陈晓燕”");

        page.navigate(url("/org/staff?centre=" + centreId));
        assertThat(page.locator("#staff-results")).containsText("张伟");
        assertThat(page.locator("#staff-results")).containsText("陈晓燕");
        assertThat(page.locator("#staff-results")).containsText("139****5678");
        screenshot("journey-06-staff-list");

        // a window with A and B posts
        page.navigate(url("/org/windows?centre=" + centreId));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("新建窗口")).click();
        label("窗口号").fill("3");
        label("窗口名称").fill("医保参保登记");
        label("部门").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("医保中心"));
        label("位置").fill("一楼B区");
        label("A角").selectOption(new com.microsoft.playwright.options.SelectOption().setIndex(1));
        label("B角（顶岗）").selectOption(new com.microsoft.playwright.options.SelectOption().setIndex(2));
        label("办理事项").fill("城乡居民医保参保登记\n异地就医备案");
        screenshot("journey-07-window-form");
        save();
        assertThat(page.locator(".flash.ok")).hasText("已创建窗口“医保参保登记”");
        screenshot("journey-08-window-detail");
        page.navigate(url("/org/windows?centre=" + centreId));
        Locator row = page.locator("#window-results tbody tr").first();
        assertThat(row).containsText("3号窗口");
        assertThat(row).containsText("张伟");
        assertThat(row).containsText("陈晓燕");
        screenshot("journey-09-windows");
    }

    @Test
    void anInvalidIdNumberShowsTheChineseErrorAndSavesNothing() {
        OrgFixture.Org o = OrgFixture.create(commands, accounts);
        login(o.office(), OrgFixture.PASSWORD);
        long before = count("org_staff");
        page.navigate(url("/org/staff/new"));
        label("姓名").fill("孙悦");
        label("工号").fill("YB40");
        label("部门").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("医保中心"));
        label("性别").selectOption("FEMALE");
        label("身份证号码").fill(OrgFixture.wrongCheckDigit(OrgFixture.idNumber(701, Gender.FEMALE)));
        save();
        Locator error = page.locator("#idNumber-err");
        assertThat(error).hasText("身份证号码校验位不正确，请核对");
        assertThat(label("身份证号码")).hasClass(java.util.regex.Pattern.compile("invalid"));
        assertThat(label("姓名")).hasValue("孙悦");
        screenshot("journey-10-invalid-id");
        assertThat(count("org_staff")).isEqualTo(before);
    }

    @Test
    void aDepartmentHeadSeesOnlyTheirDepartmentAndIsRefusedAnotherByUrl() {
        OrgFixture.Org o = OrgFixture.create(commands, accounts);
        login(o.medicalHead(), OrgFixture.PASSWORD);
        page.navigate(url("/org/staff"));
        Locator rows = page.locator("#staff-results tbody tr");
        assertThat(rows).hasCount(3);
        assertThat(page.locator("#staff-results")).containsText("张伟");
        assertThat(page.locator("#staff-results")).not().containsText("王建国");
        screenshot("journey-11-depthead-staff");
        Response r = page.navigate(url("/org/staff/" + o.employmentStaff()[0]));
        assertThat(r.status()).isEqualTo(403);
        assertThat(page.locator("h1")).hasText("无权访问此页面");
        screenshot("journey-12-depthead-403");
    }
}
