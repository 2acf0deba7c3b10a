package org.openhall.queue;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Paths;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openhall.organization.OrgFixture;
import org.openhall.organization.OrganizationCommands;
import org.openhall.queue.internal.Devices;
import org.openhall.queue.internal.QueueDesk;
import org.openhall.queue.internal.QueueServices;
import org.openhall.security.Role;
import org.openhall.security.UserAccounts;
import org.openhall.test.BrowserTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The hall floor's main journey in a browser (issue 4 item 11, FB-1): a kiosk issues a ticket,
 * the window console calls it with F1, the hall display shows the call live, the clerk transfers the ticket to the
 * second window's service, pauses (the window display shows the sign and the other window) and resumes, the second
 * window calls, starts and finishes it, and its rating pad accepts one rating and refuses a second. Screenshots at
 * 1920×1080 and 1366×768 under target/screenshots/queue-*.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "openhall.queue.close-day.enabled=false")
@Import(QueueFixture.Config.class)
class QueueJourneyTests extends BrowserTestSupport {

    @Autowired
    OrganizationCommands orgCommands;

    @Autowired
    UserAccounts accounts;

    @Autowired
    QueueServices services;

    @Autowired
    QueueDesk desk;

    @Autowired
    Devices devices;

    @Autowired
    JdbcClient jdbc;

    private void shot(Page p, String name, int width, int height) {
        p.setViewportSize(width, height);
        p.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target", "screenshots", name + "-" + width + ".png"))
                .setFullPage(false));
    }

    private void both(Page p, String name) {
        shot(p, name, 1366, 768);
        shot(p, name, 1920, 1080);
    }

    /** The PDF Chromium prints has exactly one page of {@code widthMm × heightMm}. */
    static void assertPdfPage(byte[] pdf, double widthMm, double heightMm) {
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            StringBuilder pages = new StringBuilder();
            for (int i = 0; i < doc.getNumberOfPages(); i++) {
                var stripper = new org.apache.pdfbox.text.PDFTextStripper();
                stripper.setStartPage(i + 1);
                stripper.setEndPage(i + 1);
                pages.append("page ").append(i + 1).append(' ').append(doc.getPage(i).getMediaBox()).append(": ")
                        .append(stripper.getText(doc).replace('\n', ' ')).append('\n');
            }
            assertThat(doc.getNumberOfPages()).as(pages.toString()).isEqualTo(1);
            var box = doc.getPage(0).getMediaBox();
            assertThat(box.getWidth() / 72 * 25.4).isCloseTo(widthMm, org.assertj.core.data.Offset.offset(1.0));
            assertThat(box.getHeight() / 72 * 25.4).isCloseTo(heightMm, org.assertj.core.data.Offset.offset(1.0));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void login(Page p, String base, String username) {
        BrowserTestSupport.login(p, base, username, OrgFixture.PASSWORD);
    }

    @Test
    void aKioskTicketIsCalledShownTransferredPausedFinishedAndRatedOnce() {
        QueueFixture.CLOCK.set(QueueFixture.OPEN);
        QueueFixture.Floor f = QueueFixture.create(orgCommands, accounts, services, 2);
        long w0 = f.windows()[0];
        long w1 = f.windows()[1];
        String clerk0 = "qj" + f.org().n() + "-c0";
        String clerk1 = "qj" + f.org().n() + "-c1";
        accounts.create(new UserAccounts.NewAccount(clerk0, OrgFixture.PASSWORD, "窗口员0", Set.of(Role.WINDOW_STAFF),
                f.centreId(), f.org().medical(), f.staff()[0]));
        accounts.create(new UserAccounts.NewAccount(clerk1, OrgFixture.PASSWORD, "窗口员1", Set.of(Role.WINDOW_STAFF),
                f.centreId(), f.org().medical(), f.staff()[1]));
        String kiosk = devices.issue(f.centreId(), DeviceKind.KIOSK, "一楼取号机", null).token();
        String hall = devices.issue(f.centreId(), DeviceKind.HALL_DISPLAY, "大厅叫号屏", null).token();
        String windowScreen = devices.issue(f.centreId(), DeviceKind.WINDOW_DISPLAY, "10号窗口屏", w0).token();
        String pad = devices.issue(f.centreId(), DeviceKind.RATING_PAD, "11号窗口评价器", w1).token();
        String base = url("");

        // 1. the kiosk: choose 社保登记与参保, take an ordinary ticket
        Page kioskPage = context.newPage();
        kioskPage.setViewportSize(1920, 1080);
        kioskPage.navigate(url("/devices/" + kiosk + "/kiosk"));
        assertThat(kioskPage.locator(".service-tile")).hasCount(2);
        both(kioskPage, "queue-kiosk-start");
        kioskPage.locator(".service-tile", new Page.LocatorOptions().setHasText("社保登记与参保")).click();
        assertThat(kioskPage.locator(".chosen-name")).hasText("社保登记与参保");
        both(kioskPage, "queue-kiosk-service");
        kioskPage.locator("button.take-ordinary").click();
        assertThat(kioskPage.locator(".done-number")).hasText("A001");
        assertThat(kioskPage.locator(".ticket-slip .slip-service")).hasText("社保登记与参保");
        assertThat(kioskPage.locator(".ticket-slip .slip-qr img")).isVisible();
        both(kioskPage, "queue-kiosk-ticket");
        // the slip as printed on 80 mm paper
        kioskPage.emulateMedia(new Page.EmulateMediaOptions().setMedia(com.microsoft.playwright.options.Media.PRINT));
        kioskPage.setViewportSize(400, 700);
        assertThat(kioskPage.locator(".ticket-done")).isHidden();
        kioskPage.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target", "screenshots",
                "queue-kiosk-ticket-print-80mm.png")).setFullPage(true));
        // printed by Chromium with the stylesheet's page size: one 80 mm wide page; A4 with ?paper=a4
        assertPdfPage(kioskPage.pdf(new Page.PdfOptions().setPreferCSSPageSize(true)), 80, 150);
        String ticketUrl = kioskPage.url();
        kioskPage.navigate(ticketUrl.replace("?new=1", "") + "?paper=a4");
        assertThat(kioskPage.locator("html.paper-a4")).hasCount(1);
        assertPdfPage(kioskPage.pdf(new Page.PdfOptions().setPreferCSSPageSize(true)), 210, 297);
        kioskPage.emulateMedia(new Page.EmulateMediaOptions().setMedia(com.microsoft.playwright.options.Media.SCREEN));
        kioskPage.navigate(ticketUrl.replace("?new=1", ""));
        long ticketId = Long.parseLong(kioskPage.url().replaceAll(".*/tickets/(\\d+).*", "$1"));
        QueueDesk.TicketView ticket = desk.ticket(ticketId).orElseThrow();
        kioskPage.close();

        // the hall display and window 10's display, live over server-sent events
        Page hallPage = context.newPage();
        hallPage.setViewportSize(1920, 1080);
        hallPage.navigate(url("/devices/" + hall + "/hall"));
        Page windowPage = context.newPage();
        windowPage.setViewportSize(1920, 1080);
        windowPage.navigate(url("/devices/" + windowScreen + "/window"));

        // 2. window 10: sign in, call with F1
        login(page, base, clerk0);
        page.setViewportSize(1366, 768);
        page.navigate(url("/queue/console"));
        page.locator(".window-choices button", new Page.LocatorOptions().setHasText("10 号窗口")).click();
        assertThat(page.locator(".window-status")).hasText("空闲");
        assertThat(page.locator("#console-waiting .count").first()).hasText("1");
        page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
        both(page, "queue-console-idle");
        page.keyboard().press("F1");
        assertThat(page.locator(".current-number")).hasText("A001");
        assertThat(page.locator(".window-status")).hasText("叫号中");
        both(page, "queue-console-called");

        // 3. the hall display shows the call
        assertThat(hallPage.locator("#qd-now-number")).hasText("A001");
        assertThat(hallPage.locator("#qd-now-go")).containsText("10");
        both(hallPage, "queue-hall-display-call");
        // and the public status page tells the applicant where to go
        Page status = context.newPage();
        status.setViewportSize(390, 844);
        status.navigate(url("/public/tickets/" + ticketId + "?code=" + ticket.publicCode()));
        assertThat(status.locator(".go-window")).hasText("请到 10 号窗口办理");
        status.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target", "screenshots",
                "queue-public-status-390.png")).setFullPage(true));
        status.close();

        // 4. transfer (转窗) to 医疗保险 at window 11, with a note
        page.locator("button.act-transfer").click();
        Locator dialog = page.locator("#transfer-dialog");
        assertThat(dialog).isVisible();
        dialog.locator("select[name=toServiceId]").selectOption(String.valueOf(f.serviceB()));
        dialog.locator("select[name=toWindowId]").selectOption(String.valueOf(w1));
        dialog.locator("textarea[name=note]").fill("需核对医保参保关系");
        both(page, "queue-console-transfer");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("确定转窗")).click();
        assertThat(page.locator(".window-status")).hasText("空闲");
        assertThat(page.locator(".console-error")).hasCount(0);

        // 5. pause (暂停服务): the window display shows the sign and the window that serves the same items
        page.locator("button.act-pause").click();
        Locator pause = page.locator("#pause-dialog");
        pause.locator("select[name=reason]").selectOption("临时离岗");
        pause.locator("select[name=minutes]").selectOption("15");
        pause.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("暂停服务")).click();
        assertThat(page.locator(".window-status")).hasText("暂停服务");
        assertThat(page.locator(".paused-sign")).containsText("临时离岗");
        both(page, "queue-console-paused");
        assertThat(windowPage.locator("#qd-paused")).isVisible();
        assertThat(windowPage.locator("#qd-pause-reason")).containsText("临时离岗");
        both(windowPage, "queue-window-display-paused");
        page.locator("button.act-resume").click();
        assertThat(page.locator(".window-status")).hasText("空闲");

        // 6. window 11 (another clerk, another browser): calls the transferred ticket, starts and finishes
        Browser browser = context.browser();
        BrowserContext second = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 768)
                .setLocale("zh-CN"));
        try {
            Page padPage = second.newPage();
            padPage.setViewportSize(1366, 768);
            padPage.navigate(url("/devices/" + pad + "/rating"));
            assertThat(padPage.locator(".idle-welcome")).hasText("您好，欢迎监督评价");
            both(padPage, "queue-rating-idle");
            // the pad learns of the finish from the live event (ticket.finished with rating), not only by polling
            padPage.evaluate("() => { window.ratingRequested = 0; document.body.addEventListener('rating-requested',"
                    + " () => window.ratingRequested++); }");

            Page console1 = second.newPage();
            login(console1, base, clerk1);
            console1.navigate(url("/queue/console"));
            console1.locator(".window-choices button", new Page.LocatorOptions().setHasText("11 号窗口")).click();
            assertThat(console1.locator(".window-status")).hasText("空闲");
            console1.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
            console1.keyboard().press("F1");
            assertThat(console1.locator(".current-number")).hasText("A001");
            assertThat(console1.locator(".current-service")).hasText("医疗保险");
            assertThat(console1.locator(".transfer-note")).containsText("需核对医保参保关系");
            assertThat(hallPage.locator("#qd-now-go")).containsText("11");
            console1.keyboard().press("F3");
            assertThat(console1.locator(".window-status")).hasText("办理中");
            console1.keyboard().press("F4");
            assertThat(console1.locator(".window-status")).hasText("空闲");
            padPage.waitForFunction("() => window.ratingRequested === 1");

            // 7. the rating pad asks for the ticket just finished; one rating is accepted, a second refused
            Page padAgain = second.newPage();
            padAgain.navigate(url("/devices/" + pad + "/rating"));
            assertThat(padPage.locator(".pad-form")).isVisible();
            assertThat(padAgain.locator(".pad-form")).isVisible();
            assertThat(padPage.locator(".pad-ticket")).containsText("A001");
            padPage.locator(".level.lv-DISSATISFIED").click();
            assertThat(padPage.locator(".reasons")).isVisible();
            padPage.locator(".reason", new Page.LocatorOptions().setHasText("等候时间长")).click();
            both(padPage, "queue-rating-form");
            padPage.locator(".pad-submit").click();
            assertThat(padPage.locator(".pad-result h1")).hasText("感谢您的评价！");
            both(padPage, "queue-rating-thanks");

            padAgain.locator(".level.lv-VERY_SATISFIED").click();
            assertThat(padAgain.locator(".reasons")).isHidden();
            padAgain.locator(".pad-submit").click();
            assertThat(padAgain.locator(".pad-error")).hasText("该次服务已评价");
            both(padAgain, "queue-rating-refused");
            // back to idle after the thanks
            assertThat(padPage.locator(".idle-welcome")).isVisible(
                    new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(15_000));
        } finally {
            second.close();
        }
        assertThat(jdbc.sql("select rating from q_rating where ticket_id = :t").param("t", ticketId)
                .query(String.class).list()).containsExactly("DISSATISFIED");

        // the queue settings of the centre office
        Page settings = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN")).newPage();
        login(settings, base, f.org().office());
        settings.navigate(url("/queue/settings"));
        assertThat(settings.locator("#devices tbody")).containsText("11号窗口评价器");
        both(settings, "queue-settings");
        settings.context().close();
    }

    @Autowired
    org.openhall.queue.internal.Appointments appointments;

    /** 预约签到 at the kiosk by touch on the on-screen keyboard; the kiosk also in portrait (1080×1920). */
    @Test
    void anApplicantChecksInABookingAtTheKioskByTouch() {
        QueueFixture.CLOCK.set(QueueFixture.OPEN);
        AppointmentFixture.Hall h = AppointmentFixture.create(orgCommands, accounts, services, appointments, 2);
        String kiosk = devices.issue(h.centreId(), DeviceKind.KIOSK, "一楼取号机", null).token();
        var slot = AppointmentFixture.slot(appointments, h, java.time.LocalDate.of(2026, 9, 28), java.time.LocalTime.of(10, 30));
        String code = AppointmentFixture.book(appointments, h, slot, AppointmentFixture.person()).displayCode();

        // six services, as in a county hall
        services.create(QueueFixture.service(h.centreId(), "DY", "社保待遇与退休", "D", 1, 999, null));
        services.create(QueueFixture.service(h.centreId(), "JY", "就业与失业登记", "E", 1, 999, null));
        services.create(QueueFixture.service(h.centreId(), "SBK", "社保卡服务", "F", 1, 999, null));
        page.setViewportSize(1920, 1080);
        page.navigate(url("/devices/" + kiosk + "/kiosk"));
        assertThat(page.locator(".check-in-tile")).isVisible();
        assertThat(page.locator(".service-tile")).hasCount(7);
        both(page, "queue-kiosk-start-appointments");
        shot(page, "queue-kiosk-start-portrait", 1080, 1920);
        page.setViewportSize(1366, 768);
        page.locator(".check-in-tile").click();
        assertThat(page.locator(".keyboard")).isVisible();
        // a wrong code first: the message on the page
        page.locator(".key[data-key='1']").click();
        page.locator(".key[data-key='2']").click();
        page.locator(".check-in-submit").click();
        assertThat(page.locator(".check-in-error")).hasText("请输入 8 位预约码或 18 位身份证号码");
        page.locator(".key[data-key-action='clear']").click();
        for (char c : code.replace("-", "").toCharArray()) {
            page.locator(".key[data-key='" + c + "']").click();
        }
        assertThat(page.locator("input[name=code]")).hasValue(code.replace("-", ""));
        both(page, "queue-kiosk-check-in");
        page.locator(".check-in-submit").click();
        assertThat(page.locator(".done-number")).hasText("C001");
        both(page, "queue-kiosk-check-in-ticket");

        // 网上取号 on a phone: a wrong mobile is shown at its field, then the ticket's status page
        Page phone = context.newPage();
        phone.setViewportSize(390, 844);
        phone.navigate(url("/public/centres/" + h.org().code() + "/queue"));
        phone.locator(".service-choice", new Page.LocatorOptions().setHasText("医疗保险")).click();
        phone.locator("#mobile").fill("1391234");
        phone.locator("form.online-form button[type=submit]").click();
        assertThat(phone.locator("#mobile-err")).isVisible();
        phone.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target", "screenshots",
                "queue-online-error-390.png")).setFullPage(true));
        phone.locator("#mobile").fill("13912345678");
        phone.locator("form.online-form button[type=submit]").click();
        assertThat(phone.locator(".status-number")).hasText("B001");
        assertThat(phone.locator(".flash.ok")).containsText("取号成功");
        phone.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target", "screenshots",
                "queue-online-ticket-390.png")).setFullPage(true));
        phone.navigate(url("/public/centres/" + h.org().code() + "/queue"));
        both(phone, "queue-online-form");
    }
}
