package org.openhall.notification.internal;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Notification settings ({@code openhall.notification.*}). Not from a regulation: technical settings of the mail
 * server and the SMS provider. E-mail goes out only when {@code spring.mail.host} is set, SMS only when
 * {@code openhall.notification.sms.url} is set; otherwise each notification is recorded as SKIPPED.
 */
@ConfigurationProperties("openhall.notification")
public record NotificationProperties(@DefaultValue Mail mail, @DefaultValue Sms sms) {

    /**
     * @param from     the sender address of every e-mail
     * @param fromName the sender's display name (may be Chinese), empty for none
     */
    public record Mail(@DefaultValue("openhall@localhost") String from, @DefaultValue("") String fromName) {
    }

    /**
     * @param url          the provider's send endpoint (HTTP POST, JSON); empty = SMS not configured
     * @param apiKey       the key sent in {@code apiKeyHeader} with every request
     * @param apiKeyHeader the header that carries the key
     * @param sign         the signature (短信签名) the provider puts in front of the text, e.g. 【清溪县社保中心】
     * @param timeout      connect and read timeout of one attempt
     * @param retries      further attempts after a connection error, a timeout or a 5xx answer (0 = one attempt)
     * @param retryDelay   the pause before a further attempt
     * @param maxLength    the longest text (signature included, in characters) accepted; longer texts are refused
     *                     as FAILED, never cut
     */
    public record Sms(@DefaultValue("") String url, @DefaultValue("") String apiKey,
            @DefaultValue("X-Api-Key") String apiKeyHeader, @DefaultValue("") String sign,
            @DefaultValue("5s") Duration timeout, @DefaultValue("2") int retries,
            @DefaultValue("500ms") Duration retryDelay, @DefaultValue("500") int maxLength) {

        public boolean configured() {
            return !url.isBlank();
        }

        /** The signature's length counts against {@link #maxLength}. */
        public int lengthWithSign(@Nullable String text) {
            String t = text == null ? "" : text;
            return sign.codePointCount(0, sign.length()) + t.codePointCount(0, t.length());
        }
    }
}
