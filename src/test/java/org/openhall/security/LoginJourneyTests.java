package org.openhall.security;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openhall.test.BrowserTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

/** SEC-1 in the browser: login, lockout after five wrong passwords, the admin's audit trail, role-aware navigation. */
class LoginJourneyTests extends BrowserTestSupport {

    @Autowired
    UserAccounts accounts;

    @Test
    void fiveWrongPasswordsLockTheAccount() {
        accounts.create(new UserAccounts.NewAccount("lock-browser", "right-password", "王小明", Set.of(Role.WINDOW_STAFF), 1L, null, null));
        for (int i = 0; i < 5; i++) {
            login("lock-browser", "wrong-password");
            assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.ALERT)).isVisible();
        }
        login("lock-browser", "right-password");
        assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.ALERT)).containsText("账户已锁定");
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/login\\?error.*"));
        screenshot("login-locked");
    }

    @Test
    void adminLogsInSeesNavigationAndTheAuditTrail() {
        accounts.create(new UserAccounts.NewAccount("admin-browser", "admin-password", "系统管理员", Set.of(Role.ADMIN), null, null, null));
        login("admin-browser", "admin-password");
        assertThat(page.locator("h1")).containsText("系统管理员，您好");
        assertThat(page.locator("nav.mainnav")).containsText("审计日志");
        screenshot("home-admin");
        page.locator("nav.mainnav").getByText("审计日志").click();
        assertThat(page.locator("h1")).hasText("审计日志");
        assertThat(page.locator("table.grid")).containsText("admin-browser");
        page.locator("select[name=entityType]").selectOption("UserAccount");
        page.locator("form.filters button[type=submit]").click();
        assertThat(page.locator("table.grid tbody tr").first()).containsText("UserAccount");
        screenshot("audit-trail");
        // a page number far beyond the end is just an empty page
        var beyond = page.navigate(url("/admin/audit?page=50000000"));
        org.assertj.core.api.Assertions.assertThat(beyond.status()).isEqualTo(200);
        assertThat(page.locator("table.grid")).containsText("无记录");
    }

    @Test
    void anUploadOverTheRequestLimitIsExplainedInChinese() {
        accounts.create(new UserAccounts.NewAccount("upload-admin", "admin-password", "管理员乙", Set.of(Role.ADMIN), null, null, null));
        login("upload-admin", "admin-password");
        page.navigate(url("/calendar"));
        page.locator("input[type=file]").first().setInputFiles(new com.microsoft.playwright.options.FilePayload(
                "huge.json", "application/json", new byte[7 * 1024 * 1024]));
        var response = page.waitForNavigation(() -> page.locator("input[type=file]").first()
                .locator("xpath=ancestor::form").locator("button[type=submit]").click());
        org.assertj.core.api.Assertions.assertThat(response.status()).isEqualTo(413);
        assertThat(page.locator("h1")).containsText("上传的文件太大");
        screenshot("upload-too-large");
    }

    @Test
    void windowStaffSeesNoAdminNavigationAndIsRefusedTheAuditTrail() {
        accounts.create(new UserAccounts.NewAccount("clerk-browser", "clerk-password", "李窗口", Set.of(Role.WINDOW_STAFF), 1L, 1L, null));
        login("clerk-browser", "clerk-password");
        assertThat(page.locator("nav.mainnav")).not().containsText("审计日志");
        var response = page.navigate(url("/admin/audit"));
        org.assertj.core.api.Assertions.assertThat(response.status()).isEqualTo(403);
        assertThat(page.locator("h1")).containsText("无权访问");
    }

    @Test
    void languageSwitchesToEnglish() {
        page.navigate(url("/login?lang=en"));
        assertThat(page.locator("button[type=submit]")).hasText("Log in");
        page.navigate(url("/login"));
        assertThat(page.locator("button[type=submit]")).hasText("Log in");
        page.navigate(url("/login?lang=zh_CN"));
        assertThat(page.locator("button[type=submit]")).hasText("登录");
    }
}
