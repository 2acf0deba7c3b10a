package org.openhall.cases;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.Page;
import java.time.Clock;
import java.time.Instant;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.openhall.cases.internal.CaseCommands;
import org.openhall.catalog.CatalogCommands;
import org.openhall.catalog.ItemVersion;
import org.openhall.organization.OrgFixture;
import org.openhall.organization.OrganizationCommands;
import org.openhall.security.UserAccounts;
import org.openhall.test.BrowserTestSupport;
import org.openhall.test.Http;
import org.openhall.test.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * CASE-8 and CASE-9 in a real browser (Chromium, 1366×768): the window clerk records a payment and prints the receipt
 * (its text, read back with PDFBox, carries the amount in capital numerals); the centre office reconciles the day —
 * one window matches, one differs by 0.50 (shown in red), one is not entered; the archived case is found in the
 * archive and opened read-only. Screenshots under target/screenshots.
 */
class FeesJourneyTests extends BrowserTestSupport {

    static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-23T02:00:00Z"));

    @TestConfiguration
    static class Config {
        @Bean
        @Primary
        Clock testClock() {
            return CLOCK;
        }
    }

    @Autowired
    OrganizationCommands commands;

    @Autowired
    CatalogCommands catalogCommands;

    @Autowired
    CaseCommands cases;

    @Autowired
    UserAccounts accounts;

    Locator button(String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    @Test
    void theClerkTakesAFeeTheOfficeReconcilesTheDayAndFindsTheCaseInTheArchive() throws Exception {
        FeeFixture.Centre c = FeeFixture.centre(commands, accounts);
        OrgFixture.Org o = c.org();
        ItemVersion item = FeeFixture.item(catalogCommands, o, o.medical());
        String number = FeeFixture.accepted(cases, o, item, "王小明").number();

        // the window clerk: every fee item of the case's item version, the window preselected
        login(o.clerk(), OrgFixture.PASSWORD);
        page.navigate(url("/cases/" + number + "/payments"));
        assertThat(page.locator("h1")).containsText(number);
        assertThat(page.locator("table.fee-items tbody tr")).hasCount(3);
        assertThat(page.locator("#windowId")).hasValue(Long.toString(c.window5()));
        page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName("不动产登记费")).check();
        page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName("证书工本费")).check();
        page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName("测绘服务费")).check();
        page.locator("#method").selectOption("CASH");
        screenshot("fees-01-payment-form");
        button("确认收费").click();
        assertThat(page.locator(".flash.ok").first()).containsText("1,234.50");
        assertThat(page.locator("table.payments tbody tr")).hasCount(1);
        assertThat(page.locator("table.payments")).containsText("人民币壹仟贰佰叁拾肆元伍角整");
        screenshot("fees-02-payment-recorded");

        // the receipt, printed from the link the page offers
        String href = page.locator("#print-receipt").getAttribute("href");
        APIResponse pdf = page.request().get(url(href));
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.headers().get("content-type")).isEqualTo("application/pdf");
        String text;
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            text = new PDFTextStripper().getText(doc);
            // the browser's PDF viewer does not draw headless: the receipt is rendered for a person to look at
            java.nio.file.Path png = java.nio.file.Paths.get("target", "screenshots", "fees-03-receipt.png");
            java.nio.file.Files.createDirectories(png.getParent());
            javax.imageio.ImageIO.write(new org.apache.pdfbox.rendering.PDFRenderer(doc).renderImageWithDPI(0, 110), "png",
                    png.toFile());
        }
        assertThat(text).contains("收费收据").contains("人民币壹仟贰佰叁拾肆元伍角整").contains(number).contains("王**")
                .doesNotContain("王小明");

        // more takings of the day: window 6 by WeChat, window 7 in cash (the centre office collects there)
        String second = FeeFixture.accepted(cases, o, item, "李四").number();
        String third = FeeFixture.accepted(cases, o, item, "赵钱孙").number();
        Http http = new Http(port);
        assertThat(http.postJson("/api/v1/cases/" + second + "/payments", "{\"method\": \"WECHAT\", \"windowId\": "
                + c.window6() + ", \"items\": [{\"code\": \"CHF\"}]}", "Authorization",
                Http.basic(o.office(), OrgFixture.PASSWORD)).statusCode()).isEqualTo(201);
        assertThat(http.postJson("/api/v1/cases/" + third + "/payments", "{\"method\": \"CASH\", \"windowId\": "
                + c.window7() + ", \"items\": [{\"code\": \"GBF\"}]}", "Authorization",
                Http.basic(o.office(), OrgFixture.PASSWORD)).statusCode()).isEqualTo(201);

        // the settlement office enters what it received: window 5 matches, window 6 is 0.50 short, window 7 not yet
        context.clearCookies();
        login(o.office(), OrgFixture.PASSWORD);
        page.navigate(url("/cases/fees/reconciliation?date=2026-11-23"));
        assertThat(page.locator("#recon-table tbody tr")).hasCount(3);
        Locator five = page.locator("tr[data-window='5'][data-method='CASH']");
        five.locator("input.amount").fill("1234.50");
        five.getByRole(AriaRole.BUTTON).click();
        assertThat(page.locator(".flash.ok")).containsText("已保存");
        Locator six = page.locator("tr[data-window='6'][data-method='WECHAT']");
        six.locator("input.amount").fill("674.00");
        six.getByRole(AriaRole.BUTTON).click();
        six = page.locator("tr[data-window='6'][data-method='WECHAT']");
        assertThat(six).hasClass(java.util.regex.Pattern.compile("\\bdiff\\b"));
        assertThat(six.locator("td.difference")).hasText("-0.50");
        assertThat(six).containsText("不一致");
        String red = (String) six.locator("td.difference").evaluate("e => getComputedStyle(e).color");
        assertThat(red).isEqualTo("rgb(198, 40, 40)");
        assertThat(page.locator("tr[data-window='5'][data-method='CASH']")).containsText("一致");
        assertThat(page.locator("tr[data-window='7'][data-method='CASH']")).containsText("未录入");
        assertThat(page.locator("#recon-status")).hasText("不一致");
        assertThat(page.locator("tfoot tr.total")).containsText("1,919.00");
        screenshot("fees-04-reconciliation");
        APIResponse xlsx = page.request().get(url(page.locator("#export-xlsx").getAttribute("href")));
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.body().length).isGreaterThan(1000);

        // the first case is decided and archived; the office finds it by the applicant's full name
        FeeFixture.completed(cases, o, item, number, CaseResult.APPROVED);
        CLOCK.set(Instant.parse("2026-11-24T02:00:00Z"));
        cases.archive(number);
        page.navigate(url("/cases/archive"));
        page.locator("#applicant").fill("王小明");
        page.locator("#archive-filters").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("检索")).click();
        assertThat(page.locator("table.archive tbody tr")).hasCount(1);
        assertThat(page.locator("table.archive tbody tr")).containsText("王**");
        assertThat(page.locator("table.archive tbody tr")).containsText("保管至 2056年");
        assertThat(page.locator("table.archive")).not().containsText("王小明");
        screenshot("fees-05-archive-search");
        page.locator("table.archive tbody tr a", new Page.LocatorOptions().setHasText(number)).click();
        assertThat(page.locator("#retention")).hasText("保管至 2056年");
        assertThat(page.locator("main form[method=post]")).hasCount(0);
        assertThat(page.locator("#history")).containsText("收费：收据");
        assertThat(page.locator("#history")).containsText("归档");
        screenshot("fees-06-archived-case");
    }
}
