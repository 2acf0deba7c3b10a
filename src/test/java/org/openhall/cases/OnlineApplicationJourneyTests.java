package org.openhall.cases;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;
import org.openhall.catalog.CatalogCommands;
import org.openhall.catalog.CatalogFixture;
import org.openhall.catalog.ItemVersion;
import org.openhall.organization.Gender;
import org.openhall.organization.OrgFixture;
import org.openhall.organization.OrganizationCommands;
import org.openhall.security.UserAccounts;
import org.openhall.test.BrowserTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * CASE-10 and CASE-6 in a real browser: an applicant applies online with the uploads, the window clerk reviews the
 * application beside the checklist and accepts it, and the applicant sees 已受理 with the committed deadline on the
 * progress page, on a hall PC (1366×768) and on a kiosk (1920×1080). Screenshots under target/screenshots.
 */
class OnlineApplicationJourneyTests extends BrowserTestSupport {

    @Autowired
    OrganizationCommands org;

    @Autowired
    CatalogCommands catalog;

    @Autowired
    UserAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    static Path pdf(String name, String text) throws Exception {
        Path file = Path.of("target", "journey-uploads", name);
        Files.createDirectories(file.getParent());
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
                s.beginText();
                s.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD), 20);
                s.newLineAtOffset(72, 700);
                s.showText(text);
                s.endText();
            }
            doc.save(file.toFile());
        }
        return file;
    }

    static Path jpeg(String name) throws Exception {
        BufferedImage img = new BufferedImage(640, 400, BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        g.setColor(new Color(0xE8, 0xF0, 0xFA));
        g.fillRect(0, 0, 640, 400);
        g.setColor(new Color(0x1E, 0x5A, 0xA8));
        g.fillRoundRect(30, 30, 580, 340, 30, 30);
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 36));
        g.drawString("ID CARD (scan)", 180, 210);
        g.dispose();
        Path file = Path.of("target", "journey-uploads", name);
        Files.createDirectories(file.getParent());
        ImageIO.write(img, "jpg", file.toFile());
        return file;
    }

    private Page.GetByRoleOptions named(String name) {
        return new Page.GetByRoleOptions().setName(name);
    }

    @Test
    void theApplicantAppliesOnlineTheClerkAcceptsAndTheApplicantSeesTheDeadline() throws Exception {
        OrgFixture.Org o = OrgFixture.create(org, accounts);
        ItemVersion item = catalog.createItem(OnlineApplicationTests.online(CatalogFixture.committedData(o)));
        CatalogFixture.instant(catalog, o);
        String idNumber = OrgFixture.idNumber(o.n() + 40, Gender.FEMALE);

        // the applicant chooses the centre and searches the item
        // the first page of the run compiles its templates and fetches the 4.6 MB web font: give it time on a busy machine
        page.navigate(url("/public/apply"), new Page.NavigateOptions().setTimeout(60_000));
        page.getByLabel("服务中心").selectOption(o.code());
        page.getByLabel("搜索事项").fill("慢特病");
        page.getByRole(AriaRole.BUTTON, named("搜索")).click();
        assertThat(page.locator(".item-list .item-title")).hasText(item.name());
        screenshot("online-01-items");
        page.locator(".item-list a").first().click();
        assertThat(page.locator("h1")).hasText("网上申请：" + item.name());

        // the form: a mistake first, shown next to its field, nothing stored
        page.getByLabel("姓名").fill("王语嫣");
        page.getByLabel("身份证号码").fill(OrgFixture.wrongCheckDigit(idNumber));
        page.getByLabel("手机号码").fill("13812345678");
        page.locator("#file_M01").setInputFiles(jpeg("id-card.jpg"));
        page.locator("#file_M02").setInputFiles(pdf("application-form.pdf", "Application form - signed"));
        page.locator("#file_M03").setInputFiles(pdf("diagnosis.pdf", "Diagnosis certificate"));
        page.locator("#file_M04").setInputFiles(pdf("reports.pdf", "Recent test reports"));
        page.locator("input[name=declaration]").check();
        screenshot("online-02-apply-form");
        page.getByRole(AriaRole.BUTTON, named("提交申请")).click();
        assertThat(page.locator("#idNumber-err")).hasText("身份证号码校验位不正确，请核对");
        assertThat(jdbc.sql("select count(*) from cas_application where centre_id = :c").param("c", o.centreId())
                .query(Long.class).single()).isZero();
        screenshot("online-03-apply-form-error");

        // corrected and submitted (the files are chosen again)
        page.getByLabel("身份证号码").fill(idNumber);
        page.locator("#file_M01").setInputFiles(jpeg("id-card.jpg"));
        page.locator("#file_M02").setInputFiles(pdf("application-form.pdf", "Application form - signed"));
        page.locator("#file_M03").setInputFiles(pdf("diagnosis.pdf", "Diagnosis certificate"));
        page.locator("#file_M04").setInputFiles(pdf("reports.pdf", "Recent test reports"));
        page.locator("input[name=declaration]").check();
        page.getByRole(AriaRole.BUTTON, named("提交申请")).click();
        assertThat(page.locator("h1")).hasText("申请已提交");
        String number = page.locator(".confirm-number").textContent().strip();
        assertThat(number).startsWith(o.code() + "-");
        screenshot("online-04-submitted");

        // the progress page says it waits for review
        page.getByRole(AriaRole.LINK, named("查询办理进度")).click();
        assertThat(page.getByLabel("办件编号")).hasValue(number);
        screenshot("online-04b-progress-form");
        page.getByLabel("手机号码").fill("13812345678");
        page.getByRole(AriaRole.BUTTON, named("查询")).click();
        assertThat(page.locator(".stage strong")).hasText("网上申请待预审");

        // the clerk reviews it beside the checklist and accepts it
        try (BrowserContext staff = page.context().browser().newContext(new Browser.NewContextOptions()
                .setViewportSize(1366, 768).setLocale("zh-CN"))) {
            Page applicantPage = page;
            page = staff.newPage();
            login(o.clerk(), OrgFixture.PASSWORD);
            page.navigate(url("/cases/online"));
            assertThat(page.locator("table.online-list")).containsText(number);
            assertThat(page.locator("table.online-list")).containsText("王**");
            screenshot("online-05-review-list");
            page.getByRole(AriaRole.LINK, named(number)).click();
            assertThat(page.locator(".applicant-card")).containsText("王语嫣");
            assertThat(page.locator(".check-row")).hasCount(5);
            page.waitForLoadState();
            screenshot("online-06-review");
            page.getByRole(AriaRole.BUTTON, named("确认预审结果")).click();
            assertThat(page.locator("#outcome-status")).hasText("已受理");
            assertThat(page.locator("#case-number")).hasText(number);
            String due = page.locator("#due-date").textContent().strip();
            screenshot("online-07-outcome");
            // the receipt (受理回执) linked from the outcome is the core's PDF
            var receipt = page.request().get(url(page.locator(".notice-links a").first().getAttribute("href")));
            assertThat(receipt.status()).isEqualTo(200);
            assertThat(receipt.headers().get("content-type")).startsWith("application/pdf");
            page = applicantPage;

            // the applicant follows it: 已受理 with the committed deadline
            LocalDate dueDate = LocalDate.parse(due);
            for (int[] size : new int[][] {{1366, 768}, {1920, 1080}}) {
                page.setViewportSize(size[0], size[1]);
                page.navigate(url("/progress?number=" + number));
                page.getByLabel("手机号码").fill("13812345678");
                page.getByRole(AriaRole.BUTTON, named("查询")).click();
                assertThat(page.locator(".stage strong")).hasText("已受理");
                assertThat(page.locator(".facts")).containsText(dueDate.toString());
                assertThat(page.locator(".timeline")).containsText("网上提交申请");
                assertThat(page.locator("body")).not().containsText("王语嫣");
                assertThat(page.locator("body")).not().containsText(idNumber);
                // the kiosk font: the shipped CJK web font is loaded
                Object fontLoaded = page.evaluate("document.fonts.check('20px \"OpenHall CJK\"', '已受理')");
                assertThat(fontLoaded).isEqualTo(true);
                screenshot("online-08-progress-" + size[0]);
            }
        }
    }
}
