package org.openhall.cases.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openhall.test.BrowserTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The case pages on the demo centre's cases (CASE-1..7), as the clerk, the department head and the centre office
 * see them at 1366×768: each opens with status 200 and its heading, and is saved as a screenshot to look at.
 */
@TestPropertySource(properties = "openhall.demo.enabled=true")
class CasePagesTourTests extends BrowserTestSupport {

    @Autowired
    JdbcClient jdbc;

    private String number(String where) {
        return jdbc.sql("select number from cas_case where " + where + " order by received_at limit 1")
                .query(String.class).single();
    }

    private void tour(Map<String, String> pages) {
        pages.forEach((name, path) -> {
            Response r = page.navigate(url(path));
            org.assertj.core.api.Assertions.assertThat(r.status()).as(path).isEqualTo(200);
            assertThat(page.locator("h1").first()).isVisible();
            org.assertj.core.api.Assertions.assertThat(page.content()).as(path).doesNotContain("??");
            screenshot(name);
        });
    }

    @Test
    void theClerkTheDepartmentHeadAndTheOfficeSeeTheDemoCases() {
        String correction = number("status = 'CORRECTION_REQUIRED' and item_code = 'YB-005'");
        String suspended = number("status = 'SUSPENDED' and item_code = 'YB-005'");
        String completed = number("status = 'COMPLETED' and item_code = 'YB-005'");
        String archived = number("status = 'ARCHIVED'");
        String overdue = number("status = 'PROCESSING' and item_code = 'YB-010'");

        login("clerk", "openhall");
        Map<String, String> clerk = new LinkedHashMap<>();
        clerk.put("cases-tour-clerk-landing", "/cases");
        clerk.put("cases-tour-clerk-mine", "/cases/mine");
        clerk.put("cases-tour-clerk-work", "/cases/work");
        clerk.put("cases-tour-clerk-done", "/cases/work?tab=done");
        clerk.put("cases-tour-intake-search", "/cases/intake?q=医保");
        clerk.put("cases-tour-intake-form", "/cases/intake?item=YB-005");
        clerk.put("cases-tour-outcome", "/cases/" + correction + "/outcome");
        clerk.put("cases-tour-detail-correction", "/cases/" + correction);
        clerk.put("cases-tour-detail-suspended", "/cases/" + suspended);
        tour(clerk);
        page.locator("form[action$='/logout'] button").click();

        login("depthead", "openhall");
        Map<String, String> head = new LinkedHashMap<>();
        head.put("cases-tour-head-work", "/cases/work");
        head.put("cases-tour-head-overdue", "/cases/" + overdue);
        tour(head);
        page.locator("form[action$='/logout'] button").click();

        login("office", "openhall");
        Map<String, String> office = new LinkedHashMap<>();
        office.put("cases-tour-office-landing", "/cases");
        office.put("cases-tour-office-all", "/cases/all");
        office.put("cases-tour-office-all-processing", "/cases/all?status=PROCESSING");
        office.put("cases-tour-office-completed", "/cases/" + completed);
        office.put("cases-tour-office-archived", "/cases/" + archived);
        office.put("cases-tour-office-all-en", "/cases/all?lang=en");
        office.put("cases-tour-office-detail-en", "/cases/" + suspended + "?lang=en");
        tour(office);
        page.navigate(url("/cases?lang=zh_CN"));
    }
}
