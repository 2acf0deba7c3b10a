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
 * line read) — no queue between the socket and the time stamp. Recalls are left out: only first calls are timed. Like
 * the browser's EventSource of a display page, it reconnects when the server ends the stream (after the {@code retry:}
 * time the server asked for) with {@code Last-Event-ID}, and the hub replays what it missed.
 */
final class DisplayStream implements AutoCloseable {

    private static final Pattern TICKET_ID = Pattern.compile("\"ticketId\"\\s*:\\s*(\\d+)");
    private static final Pattern RECALL = Pattern.compile("\"recall\"\\s*:\\s*true");

    private final String url;
    private final String authorization;
    private volatile HttpResponse<InputStream> response;
    private final Map<Long, Long> called = new ConcurrentHashMap<>();
    private final AtomicLong reconnects = new AtomicLong();
    private volatile String lastId;
    private volatile long retryMillis = 2000;
    private final AtomicLong events = new AtomicLong();
    private final AtomicLong resets = new AtomicLong();
    private final Thread reader;
    private volatile boolean closed;
    private volatile boolean ended;

    private DisplayStream(String url, String authorization, HttpResponse<InputStream> response, String name) {
        this.url = url;
        this.authorization = authorization;
        this.response = response;
        this.reader = Thread.ofPlatform().daemon().name(name).start(this::run);
    }

    /** Opens the stream and waits for the response headers; fails unless the answer is 200 text/event-stream. */
    static DisplayStream open(String url, String authorization, String name) throws IOException, InterruptedException {
        return new DisplayStream(url, authorization, connect(url, authorization, null), name);
    }

    private static HttpResponse<InputStream> connect(String url, String authorization, String lastEventId)
            throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET()
                .header("Accept", "text/event-stream").header("Authorization", authorization);
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<InputStream> r = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        String type = r.headers().firstValue("Content-Type").orElse("");
        if (r.statusCode() != 200 || !type.startsWith("text/event-stream")) {
            String body = new String(r.body().readAllBytes(), StandardCharsets.UTF_8);
            throw new IllegalStateException("event stream " + url + ": " + r.statusCode() + " " + type + " " + body);
        }
        return r;
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

    /** How often the server ended the stream and the display reconnected. */
    long reconnects() {
        return reconnects.get();
    }

    /** Whether the display gave up (a reconnect failed). */
    boolean ended() {
        return ended;
    }

    private void run() {
        try {
            while (!closed) {
                read();
                if (closed) {
                    break;
                }
                reconnects.incrementAndGet();
                Thread.sleep(retryMillis);
                response = connect(url, authorization, lastId);
            }
        } catch (IOException | RuntimeException e) {
            if (!closed) {
                System.err.println("[bench] display " + Thread.currentThread().getName() + " gave up: " + e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            ended = true;
        }
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String type = "message";
            String id = null;
            StringBuilder data = null;
            String line;
            while (!closed && (line = in.readLine()) != null) {
                if (line.isEmpty()) {
                    if (id != null) {
                        lastId = id; // as EventSource: the last event id is set when the event is dispatched
                    }
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
                    id = null;
                    data = null;
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("retry:")) {
                    retryMillis = Long.parseLong(line.substring(6).strip());
                } else if (line.startsWith("event:")) {
                    type = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    String value = line.substring(5);
                    value = value.startsWith(" ") ? value.substring(1) : value;
                    data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                }
            }
        } catch (IOException e) {
            // ended by the server, or closed
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
