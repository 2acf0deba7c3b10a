package org.openhall.queue;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openhall.organization.OrgFixture;
import org.openhall.organization.OrganizationCommands;
import org.openhall.queue.AppointmentFixture.Hall;
import org.openhall.queue.AppointmentFixture.Person;
import org.openhall.queue.internal.Appointments;
import org.openhall.queue.internal.QueueServices;
import org.openhall.security.UserAccounts;
import org.openhall.test.BrowserTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * Q-7 in a real browser: on a phone, an applicant chooses the service, a day and a slot, fills in name, ID number and
 * mobile, gets the booking code with its QR code, then cancels another booking of theirs with its code and mobile (a
 * wrong mobile finds nothing). The same pages at 1366×768, and the staff page of the day: the centre office sees the
 * full name and edits a capacity, a window clerk sees the name masked. Screenshots under target/screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "openhall.queue.close-day.enabled=false")
@Import(QueueFixture.Config.class)
class AppointmentJourneyTests extends BrowserTestSupport {

    static final LocalDate TUE = LocalDate.of(2026, 9, 29);
    static final LocalDate WED = LocalDate.of(2026, 9, 30);

    @Autowired
    OrganizationCommands org;

    @Autowired
    UserAccounts accounts;

    @Autowired
    QueueServices services;

    @Autowired
    Appointments appointments;

    /** A phone: 390×844 CSS pixels, touch, Chinese. */
    Page phone() {
        Browser browser = context.browser();
        BrowserContext mobile = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844)
                .setDeviceScaleFactor(2).setIsMobile(true).setHasTouch(true).setLocale("zh-CN"));
        mobile.setDefaultTimeout(15_000);
        return mobile.newPage();
    }

    static Path shot(Page p, String name) {
        Path file = Paths.get("target", "screenshots", name + ".png");
        p.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }

    @Test
    void anApplicantBooksOnAPhoneGetsTheCodeAndCancelsAnotherBooking() {
        QueueFixture.CLOCK.set(QueueFixture.OPEN);
        Hall h = AppointmentFixture.create(org, accounts, services, appointments, 3);
        Person me = AppointmentFixture.person();
        Person someoneElse = AppointmentFixture.person();
        // an earlier booking of mine for Wednesday, and one of someone else in the slot I will take
        Appointments.Booking earlier = AppointmentFixture.book(appointments, h,
                AppointmentFixture.slot(appointments, h, WED, LocalTime.of(9, 0)), me);
        AppointmentFixture.book(appointments, h, AppointmentFixture.slot(appointments, h, TUE, LocalTime.of(10, 0)),
                someoneElse);

        Page p = phone();
        try {
            p.navigate(url("/public/centres/" + h.org().code() + "/appointments"));
            assertThat(p.locator("h1")).hasText("网上预约");
            assertThat(p.locator(".appt-steps li.current")).containsText("选择业务");
            shot(p, "queue-appt-phone-1-services");
            p.locator(".appt-choices.services a").filter(new com.microsoft.playwright.Locator.FilterOptions()
                    .setHasText("预约办理")).click();

            // the days of the calendar: the National Day holidays are not offered
            assertThat(p.locator(".appt-choices.days li")).hasCount(7);
            assertThat(p.locator(".appt-choices.days")).not().containsText("10月2日");
            shot(p, "queue-appt-phone-2-days");
            p.locator(".appt-choices.days a").filter(new com.microsoft.playwright.Locator.FilterOptions()
                    .setHasText("9月29日")).click();

            assertThat(p.locator(".appt-choices.slots a").first()).containsText("08:30–09:00");
            assertThat(p.locator(".appt-choices.slots a").filter(new com.microsoft.playwright.Locator.FilterOptions()
                    .setHasText("10:00–10:30"))).containsText("余 2 个");
            shot(p, "queue-appt-phone-3-slots");
            p.locator(".appt-choices.slots a").filter(new com.microsoft.playwright.Locator.FilterOptions()
                    .setHasText("10:00–10:30")).click();

            // a wrong ID number is shown at its field, nothing is booked
            p.getByLabel("姓名").fill(me.name());
            p.getByLabel("身份证号码").fill(OrgFixture.wrongCheckDigit(me.idNumber()));
            p.getByLabel("手机号码").fill(me.mobile());
            p.locator("form.appt-form button[type=submit]").click();
            assertThat(p.locator("#idNumber-err")).containsText("校验位");
            shot(p, "queue-appt-phone-4-form-error");
            p.getByLabel("身份证号码").fill(me.idNumber());
            p.locator("form.appt-form button[type=submit]").click();

            // the confirmation: code, QR code, the slot
            p.waitForURL(Pattern.compile(".*/appointments/confirmation$"));
            assertThat(p.locator("h1")).hasText("预约成功");
            String code = p.locator(".booking-code").textContent().strip();
            assertThat(code).matches("[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}");
            assertThat(p.locator(".appt-facts")).containsText("10:00–10:30");
            assertThat(p.locator(".appt-facts")).containsText("预约办理");
            Object qrWidth = p.locator(".qr img").evaluate("img => img.complete && img.naturalWidth");
            assertThat(qrWidth).isEqualTo(240);
            shot(p, "queue-appt-phone-5-confirmation");
            Appointments.Booking mine = appointments.find(code, me.mobile()).orElseThrow();
            assertThat(mine.date()).isEqualTo(TUE);

            // cancel the earlier booking: a wrong mobile finds nothing, the right one cancels it
            p.locator("a", new Page.LocatorOptions().setHasText("查询或取消本预约")).click();
            p.getByLabel("预约码").fill(earlier.displayCode());
            p.getByLabel("手机号码").fill("13900000000");
            p.locator("form.appt-form button[type=submit]").click();
            assertThat(p.locator(".flash.error")).containsText("未找到该预约");
            p.getByLabel("预约码").fill(earlier.code().toLowerCase());
            p.getByLabel("手机号码").fill(me.mobile());
            p.locator("form.appt-form button[type=submit]").click();
            assertThat(p.locator(".appt-status strong")).hasText("已预约");
            assertThat(p.locator(".appt-facts")).containsText("09:00–09:30");
            shot(p, "queue-appt-phone-6-lookup");
            p.onceDialog(d -> d.accept());
            p.locator(".cancel-form button[type=submit]").click();
            assertThat(p.locator(".flash.ok")).containsText("预约已取消");
            assertThat(p.locator(".appt-status strong")).hasText("已取消");
            shot(p, "queue-appt-phone-7-cancelled");
        } finally {
            p.context().close();
        }
        assertThat(appointments.booking(earlier.id()).orElseThrow().status()).isEqualTo(AppointmentStatus.CANCELLED);
        assertThat(AppointmentFixture.slot(appointments, h, WED, LocalTime.of(9, 0)).booked()).isZero();
        assertThat(AppointmentFixture.slot(appointments, h, TUE, LocalTime.of(10, 0)).booked()).isEqualTo(2);
    }

    @Test
    void thePublicPagesAtAHallPcAndTheStaffDayView() {
        QueueFixture.CLOCK.set(QueueFixture.OPEN);
        Hall h = AppointmentFixture.create(org, accounts, services, appointments, 4);
        Person a = new Person("欧阳明月", AppointmentFixture.person().idNumber(), AppointmentFixture.person().mobile());
        Appointments.Booking booked = AppointmentFixture.book(appointments, h,
                AppointmentFixture.slot(appointments, h, TUE, LocalTime.of(10, 0)), a);
        AppointmentFixture.book(appointments, h, AppointmentFixture.slot(appointments, h, TUE, LocalTime.of(10, 0)),
                AppointmentFixture.person());
        AppointmentFixture.book(appointments, h, AppointmentFixture.slot(appointments, h, TUE, LocalTime.of(11, 0)),
                AppointmentFixture.person());

        // 1366×768 (the default page of the journeys)
        page.navigate(url("/public/centres/" + h.org().code() + "/appointments?service=YY&date=" + TUE));
        assertThat(page.locator(".appt-choices.slots li")).hasCount(18);
        screenshot("queue-appt-1366-slots");
        page.navigate(url("/public/centres/" + h.org().code() + "/appointments?service=YY"));
        screenshot("queue-appt-1366-days");
        page.navigate(url("/public/appointments?code=" + booked.displayCode()));
        page.getByLabel("手机号码").fill(a.mobile());
        page.locator("form.appt-form button[type=submit]").click();
        assertThat(page.locator(".booking-code")).hasText(booked.displayCode());
        assertThat(page.locator(".appt-facts")).containsText("欧***");
        screenshot("queue-appt-1366-lookup");

        // the centre office: full names, capacity edit
        login(h.org().office(), OrgFixture.PASSWORD);
        page.navigate(url("/queue/appointments?date=" + TUE));
        assertThat(page.locator("h1")).containsText("预约");
        assertThat(page.locator("td.applicant").first()).hasText("欧阳明月");
        // tomorrow's bookings cannot be checked in or recorded as no-shows yet
        assertThat(page.locator("td.actions button")).hasCount(0);
        var slot10 = page.locator("tbody.slot-group").nth(3);
        assertThat(slot10.locator("td.booked")).hasText("2");
        slot10.locator("input[name=capacity]").fill("1");
        slot10.locator(".capacity-form button").click();
        assertThat(page.locator(".flash.error")).containsText("名额不能少于已预约人数（2 人）");
        page.locator("tbody.slot-group").nth(3).locator("input[name=capacity]").fill("6");
        page.locator("tbody.slot-group").nth(3).locator(".capacity-form button").click();
        assertThat(page.locator(".flash.ok")).containsText("10:00 时段的名额已改为 6");
        screenshot("queue-appt-1366-staff-office");
        page.locator("form[action='/logout'] button").click();

        // a window clerk: names masked, no capacity edit
        login(h.org().clerk(), OrgFixture.PASSWORD);
        page.navigate(url("/queue/appointments?date=" + TUE));
        assertThat(page.locator("td.applicant").first()).hasText("欧***");
        assertThat(page.locator("input[name=capacity]")).hasCount(0);
        screenshot("queue-appt-1366-staff-clerk");

        // on the day, the clerk checks the applicant in on their behalf
        QueueFixture.CLOCK.set(TUE.atTime(9, 45).atZone(ZoneId.of("Asia/Shanghai")).toInstant());
        page.navigate(url("/queue/appointments"));
        page.locator("tbody.slot-group").nth(3).locator("button", new com.microsoft.playwright.Locator.LocatorOptions()
                .setHasText("代为签到")).first().click();
        assertThat(page.locator(".flash.ok")).containsText("已签到，号票 C");
        // the 11:00 booking cannot be checked in before 10:30
        assertThat(page.locator("tbody.slot-group").nth(5).locator("td.actions button")).hasCount(0);
        assertThat(page.locator("tbody.slot-group").nth(3)).containsText("已签到");
        screenshot("queue-appt-1366-staff-checked-in");
        assertThat(appointments.booking(booked.id()).orElseThrow().status()).isEqualTo(AppointmentStatus.CHECKED_IN);
    }
}
