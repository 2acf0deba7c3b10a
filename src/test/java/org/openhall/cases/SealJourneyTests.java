package org.openhall.cases;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openhall.cases.internal.NoticeSettings;
import org.openhall.cases.internal.SealImages;
import org.openhall.organization.OrgFixture;
import org.openhall.organization.OrganizationCommands;
import org.openhall.security.UserAccounts;
import org.openhall.test.BrowserTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * CASE-2a in the browser: the centre office uploads the seal and the contact printed on notices, sees the preview,
 * and is told in Chinese when the image is not a transparent PNG. Screenshots under target/screenshots/.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SealJourneyTests extends BrowserTestSupport {

    @Autowired
    OrganizationCommands orgCommands;

    @Autowired
    UserAccounts accounts;

    @Autowired
    NoticeSettings settings;

    @Test
    void theCentreOfficeUploadsTheSeal() throws Exception {
        OrgFixture.Org o = OrgFixture.create(orgCommands, accounts);
        login(o.office(), OrgFixture.PASSWORD);
        page.navigate(url("/cases/settings/seal"));
        assertThat(page.locator("h1")).containsText("告知书印章与联系方式");
        assertThat(page.locator(".seal-preview .box")).containsText("（印章）");
        screenshot("cases-seal-empty");

        Path bad = Files.createTempFile("seal", ".png");
        Files.write(bad, "not an image".getBytes());
        page.setInputFiles("#seal", bad);
        page.locator("form.form button[type=submit]").click();
        assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.ALERT)).containsText("印章须为 PNG 图片");

        Path seal = Files.createTempFile("seal", ".png");
        Files.write(seal, SealImages.transparentSeal());
        page.setInputFiles("#seal", seal);
        page.getByLabel("出具机关名称").fill("清溪县人力资源和社会保障局");
        page.getByLabel("联系电话").fill("0797-5212351");
        page.locator("form.form button[type=submit]").click();
        assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.STATUS)).containsText("已保存");
        assertThat(page.locator(".seal-preview img")).isVisible();
        screenshot("cases-seal-uploaded");
        assertThat(settings.current(o.centreId())).hasValueSatisfying(s -> {
            assertThat(s.hasSeal()).isTrue();
            assertThat(s.agencyName()).isEqualTo("清溪县人力资源和社会保障局");
        });

        page.navigate(url("/cases/settings/seal?lang=en"));
        assertThat(page.locator("h1")).containsText("Seal and contact on notices");
        screenshot("cases-seal-en");
    }
}
