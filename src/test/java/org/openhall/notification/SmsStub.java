package org.openhall.notification;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A local stand-in for an SMS provider: the JDK's HTTP server on 127.0.0.1 and a free port. It answers each
 * request with the next queued answer (200 {"id":"…"} when none is queued) and keeps what it received.
 */
final class SmsStub implements AutoCloseable {

    /** One request as received. */
    record Received(String method, String path, Map<String, List<String>> headers, String body) {

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst()).findFirst().orElse(null);
        }
    }

    /** How to answer one request; {@code delayMillis} > 0 answers late (for timeouts). */
    record Answer(int status, String body, long delayMillis) {

        static Answer ok(String body) {
            return new Answer(200, body, 0);
        }

        static Answer status(int status, String body) {
            return new Answer(status, body, 0);
        }

        static Answer late(long millis) {
            return new Answer(200, "{\"id\":\"late\"}", millis);
        }
    }

    private final HttpServer server;
    private final ConcurrentLinkedDeque<Answer> answers = new ConcurrentLinkedDeque<>();
    final List<Received> received = new CopyOnWriteArrayList<>();
    private int seq;

    SmsStub() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/sms/send", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    Map.copyOf(exchange.getRequestHeaders()), body));
            Answer a = answers.pollFirst();
            if (a == null) {
                a = Answer.ok("{\"id\":\"SM" + nextSeq() + "\"}");
            }
            if (a.delayMillis() > 0) {
                try {
                    Thread.sleep(a.delayMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] out = a.body().getBytes(StandardCharsets.UTF_8);
            try {
                exchange.getResponseHeaders().add("Content-Type", "application/json; charset=UTF-8");
                exchange.sendResponseHeaders(a.status(), out.length == 0 ? -1 : out.length);
                if (out.length > 0) {
                    try (OutputStream os = exchange.getResponseBody()) {
                        os.write(out);
                    }
                }
            } catch (IOException gone) {
                // the client gave up waiting (timeout test)
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    private synchronized int nextSeq() {
        return ++seq;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/sms/send";
    }

    void answer(Answer... next) {
        answers.addAll(List.of(next));
    }

    void reset() {
        answers.clear();
        received.clear();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
