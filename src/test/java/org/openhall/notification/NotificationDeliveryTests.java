package org.openhall.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openhall.security.Role;
import org.openhall.security.UserAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * CASE-7 notifications through a real SMTP server (GreenMail on 127.0.0.1, a free port) and a local stand-in for
 * the SMS provider ({@link SmsStub}): Chinese e-mail arrives intact, SMS requests carry the key, sign and text,
 * every failure is a FAILED delivery with its reason, and the centre office resends from the delivery log.
 */
@SpringBootTest
class NotificationDeliveryTests {

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP)
            .dynamicPort()).withPerMethodLifecycle(false);

    static final SmsStub SMS = new SmsStub();

    static final String SIGN = "【清溪县社保中心】";

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry r) {
        r.add("spring.mail.host", () -> "127.0.0.1");
        r.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
        r.add("openhall.notification.mail.from", () -> "noreply@qingxi.example.cn");
        r.add("openhall.notification.mail.from-name", () -> "清溪县社会保险服务中心");
        r.add("openhall.notification.sms.url", SMS::url);
        r.add("openhall.notification.sms.api-key", () -> "test-key-123");
        r.add("openhall.notification.sms.sign", () -> SIGN);
        r.add("openhall.notification.sms.timeout", () -> "10s");
        r.add("openhall.notification.sms.retries", () -> "2");
        r.add("openhall.notification.sms.retry-delay", () -> "10ms");
    }

    @AfterAll
    static void stopStub() {
        SMS.close();
    }

    static final AtomicInteger SEQ = new AtomicInteger();

    @Autowired
    Notifications notifications;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JavaMailSenderImpl mailSender;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    WebApplicationContext context;

    @Autowired
    UserAccounts accounts;

    @Autowired
    UserDetailsService users;

    final JsonMapper json = JsonMapper.builder().build();

    MockMvc mvc;
    long centre;
    String office;
    String otherOffice;
    String clerk;

    @BeforeEach
    void setUp() throws Exception {
        MAIL.purgeEmailFromAllMailboxes();
        SMS.reset();
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        int n = SEQ.incrementAndGet();
        centre = 3100 + n;
        office = "ntf-office-" + n;
        otherOffice = "ntf-other-" + n;
        clerk = "ntf-clerk-" + n;
        accounts.create(new UserAccounts.NewAccount(office, "secret-123", "办公室", Set.of(Role.CENTRE_OFFICE), centre, null, null));
        accounts.create(new UserAccounts.NewAccount(otherOffice, "secret-123", "别的中心", Set.of(Role.CENTRE_OFFICE), centre + 500, null, null));
        accounts.create(new UserAccounts.NewAccount(clerk, "secret-123", "张伟", Set.of(Role.WINDOW_STAFF), centre, null, 77L));
    }

    RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    record Row(String status, String detail, int attempts, String recipient, String recipientMasked) {
    }

    Row row(long id) {
        return jdbc.sql("select status, detail, attempts, recipient, recipient_masked from ntf_delivery where id = :id")
                .param("id", id).query(Row.class).single();
    }

    // ---- e-mail (GreenMail) ----

    @Test
    void aChineseEmailArrivesAsPlainUtf8TextFromTheConfiguredSender() throws Exception {
        String subject = "【办件结果】您申请的“城乡居民医保参保登记”已办结";
        String body = "张三您好：\n您于2026年11月23日申请的事项已办结（准予许可），请携带身份证到5号窗口领取。\n办件编号：QX-SSC-20261123-0007";
        Delivery d = notifications.email(centre, "zhang.san@example.com", subject, body);

        assertThat(d.status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(d.channel()).isEqualTo(Channel.EMAIL);
        assertThat(MAIL.waitForIncomingEmail(10_000, 1)).isTrue();
        MimeMessage[] received = MAIL.getReceivedMessages();
        assertThat(received).hasSize(1);
        MimeMessage m = received[0];
        assertThat(m.getSubject()).isEqualTo(subject);
        assertThat(m.getContentType()).containsIgnoringCase("text/plain").containsIgnoringCase("UTF-8");
        assertThat(((String) m.getContent()).replace("\r\n", "\n").strip()).isEqualTo(body);
        InternetAddress from = (InternetAddress) m.getFrom()[0];
        assertThat(from.getAddress()).isEqualTo("noreply@qingxi.example.cn");
        assertThat(from.getPersonal()).isEqualTo("清溪县社会保险服务中心");
        assertThat(m.getAllRecipients()).extracting(Object::toString).containsExactly("zhang.san@example.com");

        Row r = row(d.id());
        assertThat(r.status()).isEqualTo("SENT");
        assertThat(r.attempts()).isEqualTo(1);
        assertThat(r.recipientMasked()).isEqualTo("zh***@example.com");
    }

    @Test
    void aMailServerThatCannotBeReachedIsRecordedAsFailedAndTheOfficeResendsIt() throws Exception {
        int port = mailSender.getPort();
        Delivery d;
        try (ServerSocket closed = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            int unused = closed.getLocalPort();
            closed.close();
            mailSender.setPort(unused);
            d = notifications.email(centre, "li.si@example.com", "补正通知", "请补交户口簿复印件。");
        } finally {
            mailSender.setPort(port);
        }
        assertThat(d.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(d.detail()).startsWith("SMTP: ");
        assertThat(row(d.id()).status()).isEqualTo("FAILED");
        assertThat(MAIL.getReceivedMessages()).isEmpty();

        // the office sees it in the log and sends it again, now that the server is back
        String log = mvc.perform(get("/messages/deliveries").param("status", "FAILED").with(as(office)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(log).contains("li***@example.com").contains("邮件服务器拒收或无法连接").contains("重发")
                .doesNotContain("li.si@example.com");
        mvc.perform(post("/messages/deliveries/{id}/resend", d.id()).with(as(office)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        Row r = row(d.id());
        assertThat(r.status()).isEqualTo("SENT");
        assertThat(r.attempts()).isEqualTo(2);
        assertThat(MAIL.waitForIncomingEmail(10_000, 1)).isTrue();
        assertThat(MAIL.getReceivedMessages()[0].getSubject()).isEqualTo("补正通知");
        assertThat(jdbc.sql("select count(*) from audit_log where entity_type = 'NotificationDelivery' and entity_id = :id and action = 'RESEND'")
                .param("id", Long.toString(d.id())).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anInvalidAddressIsFailedWithoutTouchingTheServer() {
        Delivery d = notifications.email(centre, "张三@", "主题", "正文");
        assertThat(d.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(d.detail()).isEqualTo("INVALID: email");
        assertThat(MAIL.getReceivedMessages()).isEmpty();
    }

    // ---- SMS (local stub provider) ----

    @Test
    void anSmsIsPostedAsJsonWithTheKeySignAndNormalisedNumber() throws Exception {
        String text = "您申请的医保参保登记已办结，请到5号窗口领取。";
        Delivery d = notifications.sms(centre, "+86 138-1234-5678", text);

        assertThat(d.status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(d.detail()).startsWith("PROVIDER_ID: SM");
        assertThat(SMS.received).hasSize(1);
        SmsStub.Received req = SMS.received.getFirst();
        assertThat(req.method()).isEqualTo("POST");
        assertThat(req.header("X-Api-Key")).isEqualTo("test-key-123");
        assertThat(req.header("Content-Type")).startsWith("application/json");
        JsonNode body = json.readTree(req.body());
        assertThat(body.path("mobile").stringValue()).isEqualTo("13812345678");
        assertThat(body.path("text").stringValue()).isEqualTo(text);
        assertThat(body.path("sign").stringValue()).isEqualTo(SIGN);
        Row r = row(d.id());
        assertThat(r.recipient()).isEqualTo("13812345678");
        assertThat(r.recipientMasked()).isEqualTo("138****5678");
    }

    @Test
    void aServerErrorIsTriedThreeTimesThenRecordedAsFailed() {
        SMS.answer(SmsStub.Answer.status(500, "{\"message\":\"internal\"}"), SmsStub.Answer.status(500, ""),
                SmsStub.Answer.status(500, "{\"message\":\"still down\"}"));
        Delivery d = notifications.sms(centre, "13912345678", "您的办件已受理。");
        assertThat(d.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(d.detail()).startsWith("HTTP_STATUS: 500").contains("still down");
        assertThat(SMS.received).hasSize(3);
        assertThat(row(d.id()).attempts()).isEqualTo(3);
    }

    @Test
    void aProviderErrorOrARefusalIsFailedAtOnceWithoutRetrying() {
        SMS.answer(SmsStub.Answer.ok("{\"error\":\"签名未报备\"}"));
        Delivery refused = notifications.sms(centre, "13912345678", "您的办件已受理。");
        assertThat(refused.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(refused.detail()).isEqualTo("PROVIDER: 签名未报备");

        SMS.answer(SmsStub.Answer.status(400, "{\"error\":\"bad mobile\"}"));
        Delivery bad = notifications.sms(centre, "13912345678", "您的办件已受理。");
        assertThat(bad.detail()).startsWith("HTTP_STATUS: 400");
        assertThat(SMS.received).hasSize(2);
        assertThat(row(bad.id()).attempts()).isEqualTo(1);
    }

    @Test
    void anInvalidMobileOrATooLongTextIsRefusedNotSentNorCut() throws Exception {
        Delivery invalid = notifications.sms(centre, "1381234567", "您的办件已受理。");
        assertThat(invalid.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(invalid.detail()).isEqualTo("INVALID: mobile");

        // the limit is 500 characters including the 9-character sign
        String tooLong = "办".repeat(492);
        Delivery over = notifications.sms(centre, "13812345678", tooLong);
        assertThat(over.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(over.detail()).isEqualTo("TOO_LONG: 501 > 500");
        assertThat(SMS.received).isEmpty();

        String longest = "办".repeat(491);
        Delivery fits = notifications.sms(centre, "13812345678", longest);
        assertThat(fits.status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(json.readTree(SMS.received.getFirst().body()).path("text").stringValue()).isEqualTo(longest);
    }

    @Test
    void aSentSmsStaysRecordedWhenTheCallerRollsBack() {
        long[] id = new long[1];
        tx.executeWithoutResult(s -> {
            id[0] = notifications.sms(centre, "13812345678", "您的办件已办结。").id();
            s.setRollbackOnly();
        });
        assertThat(row(id[0]).status()).isEqualTo("SENT");
    }

    // ---- the delivery log page and 重发 ----

    @Test
    void theOfficeSeesItsCentresFailuresAndResendsAFailedSms() throws Exception {
        SMS.answer(SmsStub.Answer.status(503, ""), SmsStub.Answer.status(503, ""), SmsStub.Answer.status(503, ""));
        Delivery failed = notifications.sms(centre, "13712345678", "您的办件已超期，请联系窗口。");
        Delivery elsewhere = notifications.sms(centre + 500, "13612345678", "别的中心的短信");
        assertThat(failed.status()).isEqualTo(DeliveryStatus.FAILED);

        String page = mvc.perform(get("/messages/deliveries").param("channel", "SMS").with(as(office)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("137****5678").contains("短信服务返回错误状态").contains("delivery-" + failed.id())
                .doesNotContain("13712345678").doesNotContain("delivery-" + elsewhere.id());

        // another centre's office and a window clerk may not resend it, and nothing changes
        mvc.perform(post("/messages/deliveries/{id}/resend", failed.id()).with(as(otherOffice)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/messages/deliveries/{id}/resend", failed.id()).with(as(clerk)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/messages/deliveries").with(as(clerk))).andExpect(status().isForbidden());
        assertThat(row(failed.id()).attempts()).isEqualTo(3);

        mvc.perform(post("/messages/deliveries/{id}/resend", failed.id()).param("channel", "SMS").with(as(office)).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(r -> assertThat(r.getResponse().getRedirectedUrl()).isEqualTo("/messages/deliveries?channel=SMS"))
                .andExpect(r -> assertThat(r.getFlashMap().get("flash")).asString().contains("重发成功"));
        Row r = row(failed.id());
        assertThat(r.status()).isEqualTo("SENT");
        assertThat(r.attempts()).isEqualTo(4);

        // a sent one cannot be resent: a message, no second SMS
        int before = SMS.received.size();
        mvc.perform(post("/messages/deliveries/{id}/resend", failed.id()).with(as(office)).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(x -> assertThat(x.getFlashMap().get("flashError")).asString().contains("不能重发"));
        assertThat(SMS.received).hasSize(before);
        mvc.perform(post("/messages/deliveries/{id}/resend", 9_999_999).with(as(office)).with(csrf()))
                .andExpect(status().isNotFound());
    }

    // ---- the inbox ----

    @Test
    void aStaffMemberCannotMarkAnotherInboxsMessageAndThePageSpeaksEnglish() throws Exception {
        Delivery own = notifications.message(centre, Inbox.staff(77), "办件即将超期", "还剩1个工作日", "/cases/QX-1");
        Delivery others = notifications.message(centre, Inbox.staff(78), "别人的消息", "不应出现", null);
        long ownId = messageId(own.id());
        long othersId = messageId(others.id());

        mvc.perform(post("/messages/{id}/read", othersId).with(as(clerk)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(readAt(othersId)).isNull();
        mvc.perform(get("/messages/unread-count").with(as(clerk))).andExpect(status().isOk())
                .andExpect(r -> assertThat(r.getResponse().getContentAsString()).contains(">1<").contains("1 条未读"));

        String page = mvc.perform(get("/messages").param("lang", "en").with(as(clerk))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("My messages").contains("Mark as read").contains("办件即将超期")
                .contains("href=\"/cases/QX-1\"").doesNotContain("别人的消息");

        mvc.perform(post("/messages/{id}/read", ownId).with(as(clerk)).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(readAt(ownId)).isNotNull();
        mvc.perform(get("/messages/unread-count").with(as(clerk))).andExpect(status().isOk())
                .andExpect(r -> assertThat(r.getResponse().getContentAsString()).doesNotContain("nav-count"));
        // without a CSRF token nothing is marked
        mvc.perform(post("/messages/read-all").with(as(clerk))).andExpect(status().isForbidden());
    }

    long messageId(long deliveryId) {
        return jdbc.sql("select id from ntf_message where delivery_id = :d").param("d", deliveryId).query(Long.class).single();
    }

    java.time.Instant readAt(long messageId) {
        return notifications.messages(Inbox.staff(77), 100).stream().filter(m -> m.id() == messageId).findFirst()
                .or(() -> notifications.messages(Inbox.staff(78), 100).stream().filter(m -> m.id() == messageId).findFirst())
                .orElseThrow().readAt();
    }
}
