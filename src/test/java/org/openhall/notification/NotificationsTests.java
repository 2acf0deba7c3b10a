package org.openhall.notification;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.openhall.security.Role;
import org.openhall.security.UserAccounts;
import org.openhall.test.BrowserTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Notifications without a mail server or SMS provider (the default): e-mail and SMS are SKIPPED and recorded,
 * in-system messages are stored and survive a rollback of the caller; a staff member reads them in the browser
 * with the unread count in the navigation (CASE-5, CASE-7).
 */
class NotificationsTests extends BrowserTestSupport {

    static final AtomicInteger SEQ = new AtomicInteger();

    @Autowired
    UserAccounts accounts;

    @Autowired
    Notifications notifications;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    String statusOf(long id) {
        return jdbc.sql("select status from ntf_delivery where id = :id").param("id", id).query(String.class).single();
    }

    @Test
    void withoutMailServerOrSmsProviderBothAreSkippedAndRecorded() {
        Delivery mail = notifications.email(1, "zhang.san@example.com", "办件结果通知", "您的申请已办结。");
        assertThat(mail.status()).isEqualTo(DeliveryStatus.SKIPPED);
        assertThat(mail.detail()).startsWith("NOT_CONFIGURED");
        Delivery sms = notifications.sms(1, "13812345678", "您的申请已办结。");
        assertThat(sms.status()).isEqualTo(DeliveryStatus.SKIPPED);
        assertThat(statusOf(mail.id())).isEqualTo("SKIPPED");
        assertThat(jdbc.sql("select recipient_masked from ntf_delivery where id = :id").param("id", sms.id())
                .query(String.class).single()).isEqualTo("138****5678");
        assertThat(jdbc.sql("select recipient_masked from ntf_delivery where id = :id").param("id", mail.id())
                .query(String.class).single()).isEqualTo("zh***@example.com");
    }

    @Test
    void badInputIsAFailedDeliveryNotAnException() {
        Delivery sms = notifications.sms(1, "12345", "您的申请已办结。");
        assertThat(sms.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(sms.detail()).startsWith("INVALID");
        assertThat(statusOf(sms.id())).isEqualTo("FAILED");
        Delivery mail = notifications.email(1, "not an address", "主题", "正文");
        assertThat(mail.status()).isEqualTo(DeliveryStatus.FAILED);
        Delivery msg = notifications.message(1, new Inbox("nobody"), "主题", "正文", null);
        assertThat(msg.status()).isEqualTo(DeliveryStatus.FAILED);
        Delivery offsite = notifications.message(1, Inbox.staff(5), "主题", "正文", "//evil.example/x");
        assertThat(offsite.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(offsite.detail()).isEqualTo("INVALID: link");
    }

    @Test
    void inSystemMessagesAreStoredNewestFirstAndSurviveTheCallersRollback() {
        Inbox inbox = Inbox.staff(900_001);
        tx.executeWithoutResult(status -> {
            notifications.message(7, inbox, "办件即将超期", "QX-1 还剩1个工作日", "/cases/QX-1");
            notifications.message(7, inbox, "办件已超期", "QX-2 已超期", null);
            status.setRollbackOnly();
        });
        var list = notifications.messages(inbox, 10);
        assertThat(list).extracting(Message::subject).containsExactly("办件已超期", "办件即将超期");
        assertThat(list.get(1).link()).isEqualTo("/cases/QX-1");
        assertThat(list).allSatisfy(m -> {
            assertThat(m.readAt()).isNull();
            assertThat(m.centreId()).isEqualTo(7);
        });
    }

    private Locator button(String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name));
    }

    @Test
    void aStaffMemberReadsTheirMessagesAndTheCountInTheNavigationFollows() {
        int n = SEQ.incrementAndGet();
        long staffId = 910_000 + n;
        long centre = 4200 + n;
        String clerk = "ntf-web-clerk-" + n;
        String admin = "ntf-web-admin-" + n;
        accounts.create(new UserAccounts.NewAccount(clerk, "secret-123", "张伟", Set.of(Role.WINDOW_STAFF), centre, null, staffId));
        accounts.create(new UserAccounts.NewAccount(admin, "secret-123", "管理员", Set.of(Role.ADMIN), null, null, null));
        Inbox inbox = Inbox.staff(staffId);
        notifications.message(centre, inbox, "黄牌预警：办件即将超期", "办件 QX-SSC-20261123-0007（城乡居民医保参保登记）还剩 1 个工作日到期，请尽快办理。",
                "/cases/QX-SSC-20261123-0007");
        notifications.message(centre, inbox, "红牌预警：办件已超期", "办件 QX-SSC-20261120-0003（灵活就业人员参保登记）已超过承诺时限 1 个工作日。", null);
        notifications.message(centre, inbox, "补正材料已收到", "申请人已补交户口簿复印件，办件 QX-SSC-20261121-0012 可以继续办理。", "/cases/QX-SSC-20261121-0012");
        notifications.message(centre, Inbox.staff(staffId + 1), "别人的消息", "不应出现", null);

        login(clerk, "secret-123");
        Locator badge = page.locator(".mainnav .nav-count");
        assertThat(badge).hasText("3");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("消息")).click();
        page.waitForURL(url("/messages"));
        Locator items = page.locator(".ntf-msg");
        assertThat(items).hasCount(3);
        assertThat(items.first()).containsText("补正材料已收到");
        assertThat(items.nth(2)).containsText("黄牌预警");
        assertThat(page.locator(".ntf-msg.unread")).hasCount(3);
        assertThat(page.locator("main")).not().containsText("别人的消息");
        screenshot("notification-inbox");

        items.nth(1).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("标为已读")).click();
        assertThat(page.locator(".ntf-msg.unread")).hasCount(2);
        assertThat(items.nth(1)).containsText("已读");
        assertThat(badge).hasText("2");

        button("全部标为已读").click();
        assertThat(page.locator(".flash.ok")).containsText("已将 2 条消息标为已读");
        assertThat(page.locator(".ntf-msg.unread")).hasCount(0);
        assertThat(badge).hasCount(0);
        screenshot("notification-inbox-read");

        // an account without a staff record has no inbox, and is told why
        page.locator("form[action$='/logout'] button").click();
        login(admin, "secret-123");
        page.navigate(url("/messages"));
        assertThat(page.locator("main")).containsText("没有关联工作人员档案");
        assertThat(page.locator(".ntf-msg")).hasCount(0);

        // the ADMIN sees the delivery log, in-system messages included
        notifications.sms(centre, "13812345678", "您的办件已受理。");
        notifications.sms(centre, "1381234", "号码不对");
        page.navigate(url("/messages/deliveries?centre=" + centre));
        Locator rows = page.locator("#delivery-results tbody tr");
        assertThat(rows).hasCount(6);
        // refused for its own content: the reason says what, and a resend would not help
        assertThat(rows.first()).containsText("手机号码无效");
        assertThat(rows.first().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("重发"))).hasCount(0);
        assertThat(rows.nth(1)).containsText("138****5678");
        assertThat(rows.nth(1)).containsText("未配置发送服务");
        assertThat(page.locator("main")).not().containsText("13812345678");
        page.selectOption("#status-filter", "SKIPPED");
        assertThat(rows).hasCount(1);
        page.waitForURL(java.util.regex.Pattern.compile(".*status=SKIPPED.*"));
        page.selectOption("#status-filter", "");
        assertThat(rows).hasCount(6);
        screenshot("notification-deliveries");
    }
}
