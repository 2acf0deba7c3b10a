package org.openhall.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openhall.notification.DeliveryStatus;

/** The checks made before anything is sent, the stored detail format and the masking of recipients (CASE-7, SEC-2). */
class NotificationRulesTests {

    static final NotificationProperties.Sms SMS = new NotificationProperties.Sms("", "", "X-Api-Key", "【清溪县社保中心】",
            Duration.ofSeconds(5), 2, Duration.ofMillis(500), 70);

    @Test
    void smsLengthCountsTheSignAndCharactersNotBytes() {
        assertThat(SMS.lengthWithSign("您好")).isEqualTo(11);
        assertThat(NotificationService.checkSms("13812345678", "办".repeat(61), SMS)).isNull();
        Outcome over = NotificationService.checkSms("13812345678", "办".repeat(62), SMS);
        assertThat(over).isNotNull();
        assertThat(over.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(over.detail()).isEqualTo("TOO_LONG: 71 > 70");
        assertThat(over.attempts()).isZero();
        // a character outside the BMP counts once
        assertThat(SMS.lengthWithSign("𠮷")).isEqualTo(10);
    }

    @Test
    void invalidInputIsRefusedWithItsReason() {
        assertThat(NotificationService.checkSms("12812345678", "x", SMS).detail()).isEqualTo("INVALID: mobile");
        assertThat(NotificationService.checkSms("13812345678", "  ", SMS).detail()).isEqualTo("INVALID: text");
        assertThat(NotificationService.checkEmail("a@b.cn", "", "x").detail()).isEqualTo("INVALID: subject");
        assertThat(NotificationService.checkEmail("a@b.cn", "主题".repeat(101), "x").detail()).isEqualTo("TOO_LONG: subject 202 > 200");
        assertThat(NotificationService.checkEmail("a@b.cn", "主题", "正文")).isNull();
        assertThat(NotificationService.checkMessage("staff:12", "主题", "正文", "/cases/QX-1")).isNull();
        assertThat(NotificationService.checkMessage("case:QX-SSC-20261123-0007", "主题", "正文", null)).isNull();
        assertThat(NotificationService.checkMessage("staff:", "主题", "正文", null).detail()).isEqualTo("INVALID: inbox");
        assertThat(NotificationService.checkMessage("staff:1", "主题", "正文", "https://evil.example").detail())
                .isEqualTo("INVALID: link");
        assertThat(NotificationService.checkMessage("staff:1", "主题", "正文", "/\\evil.example").detail())
                .isEqualTo("INVALID: link");
    }

    @Test
    void emailAddressesAreSingleAndPlain() {
        assertThat(MailChannel.validAddress("zhang.san@example.com")).isTrue();
        assertThat(MailChannel.validAddress("张三 <zhang@example.com>")).isFalse();
        assertThat(MailChannel.validAddress("a@example.com, b@example.com")).isFalse();
        assertThat(MailChannel.validAddress("nobody")).isFalse();
        assertThat(MailChannel.validAddress(null)).isFalse();
    }

    @Test
    void recipientsAreMaskedForLists() {
        assertThat(Recipients.email("zhang.san@example.com")).isEqualTo("zh***@example.com");
        assertThat(Recipients.email("a@qq.com")).isEqualTo("a***@qq.com");
        assertThat(Recipients.mobile("13812345678")).isEqualTo("138****5678");
    }

    @Test
    void aDetailKeepsItsCodeAndIsCutToTheColumn() {
        assertThat(Reason.TIMEOUT.detail("> 200 ms")).isEqualTo("TIMEOUT: > 200 ms");
        assertThat(Reason.of("HTTP_STATUS: 500 boom")).contains(Reason.HTTP_STATUS);
        assertThat(Reason.text("HTTP_STATUS: 500 boom")).isEqualTo("500 boom");
        assertThat(Reason.of("whatever happened")).isEmpty();
        assertThat(Reason.text("whatever happened")).isEqualTo("whatever happened");
        assertThat(Reason.SMTP.detail("x".repeat(1000))).hasSize(500).startsWith("SMTP: ").endsWith("…");
    }

    static LoggedDelivery failed(org.openhall.notification.Channel channel, String detail) {
        return new LoggedDelivery(1, 1, channel, "13812345678", "138****5678", null, "x", DeliveryStatus.FAILED, detail, 1,
                java.time.Instant.EPOCH, null);
    }

    @Test
    void onlyFailuresOnTheWayAreResentAndTheirReasonIsLabelled() {
        var sms = org.openhall.notification.Channel.SMS;
        assertThat(failed(sms, "TIMEOUT: > 5000 ms").resendable()).isTrue();
        assertThat(failed(org.openhall.notification.Channel.EMAIL, "SMTP: refused").resendable()).isTrue();
        assertThat(failed(sms, "INVALID: mobile").resendable()).isFalse();
        assertThat(failed(sms, "TOO_LONG: 501 > 500").resendable()).isFalse();
        assertThat(failed(org.openhall.notification.Channel.IN_SYSTEM, "CONNECTION: x").resendable()).isFalse();
        assertThat(failed(sms, "INVALID: mobile").reasonKey()).isEqualTo("ntf.invalid.mobile");
        assertThat(failed(sms, "INVALID: mobile").reasonText()).isEmpty();
        assertThat(failed(sms, "HTTP_STATUS: 500 down").reasonKey()).isEqualTo("ntf.reason.HTTP_STATUS");
        assertThat(failed(sms, "HTTP_STATUS: 500 down").reasonText()).isEqualTo("500 down");
    }
}
