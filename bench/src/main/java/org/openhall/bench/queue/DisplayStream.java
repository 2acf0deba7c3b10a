package org.openhall.bench.queue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A hall display for the benchmark: one server-sent events stream of a centre, read on its own thread, which notes
 * for every {@code ticket.called} event the {@link System#nanoTime()} at which the event was complete (its closing blank
 * line read) — no queue between the socket and the time stamp. Recalls are left out: only first calls are timed.
 */
final class DisplayStream implements AutoCloseable {

    private static final Pattern TICKET_ID = Pattern.compile("\"ticketId\"\\s*:\\s*(\\d+)");
    private static final Pattern RECALL = Pattern.compile("\"recall\"\\s*:\\s*true");

    private final HttpResponse<InputStream> response;
    private final Map<Long, Long> called = new ConcurrentHashMap<>();
    private final AtomicLong events = new AtomicLong();
    private final AtomicLong resets = new AtomicLong();
    private final Thread reader;
    private volatile boolean closed;
    private volatile boolean ended;

    private DisplayStream(HttpResponse<InputStream> response, String name) {
        this.response = response;
        this.reader = Thread.ofPlatform().daemon().name(name).start(this::read);
    }

    /** Opens the stream and waits for the response headers; fails unless the answer is 200 text/event-stream. */
    static DisplayStream open(String url, String authorization, String name) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(URI.create(url)).GET()
                .header("Accept", "text/event-stream").header("Authorization", authorization).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        String type = r.headers().firstValue("Content-Type").orElse("");
        if (r.statusCode() != 200 || !type.startsWith("text/event-stream")) {
            String body = new String(r.body().readAllBytes(), StandardCharsets.UTF_8);
            throw new IllegalStateException("event stream " + url + ": " + r.statusCode() + " " + type + " " + body);
        }
        return new DisplayStream(r, name);
    }

    /** When the {@code ticket.called} event of the ticket arrived ({@code System.nanoTime()}), or null. */
    Long arrival(long ticketId) {
        return called.get(ticketId);
    }

    /** All events received (every type, heartbeats not counted). */
    long events() {
        return events.get();
    }

    /** {@code reset} events: the hub found the stream too far behind. */
    long resets() {
        return resets.get();
    }

    /** Whether the server ended the stream. */
    boolean ended() {
        return ended;
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String type = "message";
            StringBuilder data = null;
            String line;
            while (!closed && (line = in.readLine()) != null) {
                if (line.isEmpty()) {
                    if (data != null) {
                        long now = System.nanoTime();
                        events.incrementAndGet();
                        if (type.equals("ticket.called")) {
                            Matcher m = TICKET_ID.matcher(data);
                            if (m.find() && !RECALL.matcher(data).find()) {
                                called.putIfAbsent(Long.parseLong(m.group(1)), now);
                            }
                        } else if (type.equals("reset")) {
                            resets.incrementAndGet();
                        }
                    }
                    type = "message";
                    data = null;
                } else if (line.startsWith("event:")) {
                    type = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    String value = line.substring(5);
                    value = value.startsWith(" ") ? value.substring(1) : value;
                    data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                }
            }
        } catch (IOException e) {
            // closed
        } finally {
            ended = true;
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            response.body().close();
        } catch (IOException ignored) {
            // going away
        }
        reader.interrupt();
    }
}
