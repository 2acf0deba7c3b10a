package org.openhall.queue;

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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A server-sent events client for tests: opens a stream over HTTP, parses {@code id:}, {@code event:} and
 * {@code data:} lines into {@link Event}s, and closes the connection on {@link #close()} (a display going away).
 */
public final class SseClient implements AutoCloseable {

    /** One received event; {@code id} is null for an event without one. */
    public record Event(String id, String type, String data) {

        public long idNumber() {
            return Long.parseLong(id);
        }
    }

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final List<String> comments = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final HttpResponse<InputStream> response;
    private final Thread reader;
    private volatile boolean closed;

    private SseClient(HttpResponse<InputStream> response) {
        this.response = response;
        this.reader = Thread.ofPlatform().daemon().name("test-sse-client").start(this::read);
    }

    /** Connects and waits for the response headers; {@code headers} as name, value pairs. */
    public static SseClient open(String url, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream").GET();
        if (headers.length > 0) {
            b.headers(headers);
        }
        try {
            HttpResponse<InputStream> r = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build()
                    .send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
            return new SseClient(r);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public int status() {
        return response.statusCode();
    }

    public String contentType() {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    /** The next event within the time, or null. */
    public Event next(Duration within) {
        try {
            return events.poll(within.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** The next {@code n} events; fails if they do not come within the time. */
    public List<Event> take(int n, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        List<Event> out = new ArrayList<>();
        while (out.size() < n) {
            long left = deadline - System.nanoTime();
            Event e = left > 0 ? next(Duration.ofNanos(left)) : null;
            if (e == null) {
                throw new AssertionError("expected " + n + " events, received " + out.size() + ": " + out);
            }
            out.add(e);
        }
        return out;
    }

    /** Events of the given type only, skipping others, until {@code n} came. */
    public List<Event> takeOfType(String type, int n, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        List<Event> out = new ArrayList<>();
        while (out.size() < n) {
            long left = deadline - System.nanoTime();
            Event e = left > 0 ? next(Duration.ofNanos(left)) : null;
            if (e == null) {
                throw new AssertionError("expected " + n + " " + type + " events, received " + out);
            }
            if (e.type().equals(type)) {
                out.add(e);
            }
        }
        return out;
    }

    /** Whether the server ended the stream within the time. */
    public boolean awaitEnd(Duration within) throws InterruptedException {
        reader.join(within.toMillis());
        return !reader.isAlive();
    }

    public List<String> comments() {
        return comments;
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String id = null;
            String type = "message";
            StringBuilder data = null;
            String line;
            while (!closed && (line = in.readLine()) != null) {
                if (line.isEmpty()) {
                    if (data != null) {
                        events.add(new Event(id, type, data.toString()));
                    }
                    id = null;
                    type = "message";
                    data = null;
                } else if (line.startsWith(":")) {
                    comments.add(line.substring(1));
                } else {
                    int colon = line.indexOf(':');
                    String field = colon < 0 ? line : line.substring(0, colon);
                    String value = colon < 0 ? "" : line.substring(colon + 1);
                    if (value.startsWith(" ")) {
                        value = value.substring(1);
                    }
                    switch (field) {
                        case "id" -> id = value;
                        case "event" -> type = value;
                        case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                        default -> {
                        }
                    }
                }
            }
        } catch (IOException e) {
            // closed
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
