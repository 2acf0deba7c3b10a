package org.openhall.organization;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openhall.test.BrowserTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Every organisation page on the demo centre, as the administrator sees it at 1366×768: each opens
 * with status 200, shows its Chinese heading, and is saved as a screenshot to look at.
 */
@TestPropertySource(properties = "openhall.demo.enabled=true")
class OrganizationPagesTourTests extends BrowserTestSupport {

    @Autowired
    OrganizationApi organization;

    @Test
    void everyPageRendersForTheAdministrator() {
        CentreInfo centre = organization.centreByCode("QX-SSC").orElseThrow();
        WindowInfo window5 = organization.windowByNumber(centre.id(), "5").orElseThrow();
        long staffId = window5.postA().staffId();
        login("admin", "openhall");

        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("org-centres", "/org/centres");
        pages.put("org-departments", "/org/departments");
        pages.put("org-staff-list", "/org/staff");
        pages.put("org-staff-detail", "/org/staff/" + staffId);
        pages.put("org-staff-edit", "/org/staff/" + staffId + "/edit");
        pages.put("org-staff-new", "/org/staff/new");
        pages.put("org-windows", "/org/windows");
        pages.put("org-window-detail", "/org/windows/" + window5.id());
        pages.put("org-window-edit", "/org/windows/" + window5.id() + "/edit");
        pages.put("org-window-rotate", "/org/windows/" + window5.id() + "/rotate");
        pages.put("org-windows-new", "/org/windows/new");
        pages.put("org-training", "/org/training");
        pages.put("org-training-new", "/org/training/new");
        pages.put("org-public-staff", "/public/centres/QX-SSC/staff");
        pages.forEach((name, path) -> {
            Response r = page.navigate(url(path));
            org.assertj.core.api.Assertions.assertThat(r.status()).as(path).isEqualTo(200);
            assertThat(page.locator("h1").first()).isVisible();
            screenshot(name);
        });
        page.navigate(url("/org/staff?lang=en"));
        assertThat(page.locator("h1").first()).hasText("Staff");
        screenshot("org-staff-list-en");
        page.navigate(url("/org/staff?lang=zh_CN"));
    }
}
