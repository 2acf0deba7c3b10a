package org.openhall.notification.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.openhall.shared.Masking;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An SMS provider reached over HTTP: {@code POST url} with {@code {"mobile":"…","text":"…","sign":"…"}} (UTF-8 JSON)
 * and the API key in a header. A 2xx answer is SENT unless its JSON has a non-empty {@code error}; its {@code id}
 * (or {@code messageId}) is recorded. A connection error, a timeout or a 5xx answer is tried again up to
 * {@code retries} times; a 4xx answer or an {@code error} is not (the provider refused the message itself).
 */
public class HttpSmsGateway implements SmsGateway {

    private static final Logger log = LoggerFactory.getLogger(HttpSmsGateway.class);

    private final NotificationProperties.Sms settings;
    private final JsonMapper json;
    private final HttpClient http;
    private final URI uri;

    public HttpSmsGateway(NotificationProperties.Sms settings, JsonMapper json) {
        this.settings = settings;
        this.json = json;
        this.uri = URI.create(settings.url());
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public Outcome send(String mobile, String text) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("mobile", mobile);
        body.put("text", text);
        body.put("sign", settings.sign());
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(settings.timeout())
                .header("Content-Type", "application/json; charset=UTF-8")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body), StandardCharsets.UTF_8));
        if (!settings.apiKey().isBlank()) {
            request.header(settings.apiKeyHeader(), settings.apiKey());
        }
        HttpRequest req = request.build();
        int maxAttempts = 1 + Math.max(0, settings.retries());
        Outcome last = Outcome.failed(Reason.CONNECTION, "", 0);
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            if (attempt > 1 && !pause()) {
                break;
            }
            Attempt a = attempt(req, attempt);
            last = a.outcome();
            if (!a.retry()) {
                break;
            }
            log.warn("SMS to {}: attempt {} of {} failed: {}", Masking.mobile(mobile), attempt, maxAttempts, last.detail());
        }
        if (last.status() != org.openhall.notification.DeliveryStatus.SENT) {
            log.warn("SMS to {} failed: {}", Masking.mobile(mobile), last.detail());
        }
        return last;
    }

    private record Attempt(Outcome outcome, boolean retry) {
    }

    private Attempt attempt(HttpRequest req, int attempt) {
        HttpResponse<String> res;
        try {
            res = http.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpConnectTimeoutException e) {
            return new Attempt(Outcome.failed(Reason.TIMEOUT, "connect > " + settings.timeout().toMillis() + " ms", attempt), true);
        } catch (HttpTimeoutException e) {
            return new Attempt(Outcome.failed(Reason.TIMEOUT, "> " + settings.timeout().toMillis() + " ms", attempt), true);
        } catch (IOException e) {
            return new Attempt(Outcome.failed(Reason.CONNECTION, String.valueOf(e), attempt), true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Attempt(Outcome.failed(Reason.CONNECTION, "interrupted", attempt), false);
        }
        int status = res.statusCode();
        String answer = res.body() == null ? "" : res.body().strip();
        if (status < 200 || status > 299) {
            return new Attempt(Outcome.failed(Reason.HTTP_STATUS, status + " " + answer, attempt), status >= 500);
        }
        JsonNode node = parse(answer);
        if (node != null && node.isObject()) {
            String error = text(node.path("error"));
            if (error != null) {
                return new Attempt(Outcome.failed(Reason.PROVIDER, error, attempt), false);
            }
            String id = text(node.path("id"));
            if (id == null) {
                id = text(node.path("messageId"));
            }
            if (id != null) {
                return new Attempt(Outcome.sent(Reason.PROVIDER_ID, id, attempt), false);
            }
        }
        return new Attempt(Outcome.sent(attempt), false);
    }

    private @Nullable JsonNode parse(String answer) {
        if (answer.isEmpty()) {
            return null;
        }
        try {
            return json.readTree(answer);
        } catch (JacksonException e) {
            return null;
        }
    }

    private static @Nullable String text(JsonNode n) {
        if (n.isMissingNode() || n.isNull()) {
            return null;
        }
        if (n.isBoolean() && !n.booleanValue() || n.isNumber() && n.asInt() == 0) {
            return null; // "error": false / 0 means none
        }
        String v = n.isString() ? n.stringValue() : n.toString();
        return v == null || v.isBlank() ? null : v;
    }

    private boolean pause() {
        try {
            Thread.sleep(settings.retryDelay());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
