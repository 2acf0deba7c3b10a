package org.openhall.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhall.notification.DeliveryStatus;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP SMS adapter on its own, against the JDK's HTTP server on 127.0.0.1: timeouts, retries after a 5xx,
 * a provider that cannot be reached, a 2xx without an id (CASE-7).
 */
class HttpSmsGatewayTests {

    HttpServer server;
    final List<Integer> answers = new CopyOnWriteArrayList<>();
    final List<String> bodies = new CopyOnWriteArrayList<>();
    final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/send", ex -> {
            bodies.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            int status = answers.isEmpty() ? 200 : answers.removeFirst();
            try {
                if (status == 0) { // hold the answer back until the test is over
                    release.await(30, TimeUnit.SECONDS);
                    status = 200;
                }
                byte[] out = "OK".getBytes(StandardCharsets.UTF_8);
                ex.sendResponseHeaders(status, out.length);
                try (OutputStream os = ex.getResponseBody()) {
                    os.write(out);
                }
            } catch (IOException | InterruptedException gone) {
                // the client gave up
            } finally {
                ex.close();
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
    }

    HttpSmsGateway gateway(String url, Duration timeout, int retries) {
        return new HttpSmsGateway(new NotificationProperties.Sms(url, "", "X-Api-Key", "【测试】", timeout, retries,
                Duration.ofMillis(5), 500), JsonMapper.builder().build());
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/send";
    }

    @Test
    void anAnswerThatDoesNotComeInTimeIsATimeoutAfterEveryAttempt() {
        answers.addAll(List.of(0, 0));
        Outcome o = gateway(url(), Duration.ofMillis(200), 1).send("13812345678", "测试");
        assertThat(o.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(o.detail()).isEqualTo("TIMEOUT: > 200 ms");
        assertThat(o.attempts()).isEqualTo(2);
        assertThat(bodies).hasSize(2);
    }

    @Test
    void aPassing5xxIsRetriedAndA2xxWithoutIdIsSent() {
        answers.addAll(List.of(502, 503));
        Outcome o = gateway(url(), Duration.ofSeconds(10), 2).send("13812345678", "测试");
        assertThat(o.status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(o.detail()).isNull();
        assertThat(o.attempts()).isEqualTo(3);
        assertThat(bodies).hasSize(3).allSatisfy(b -> assertThat(b)
                .isEqualTo("{\"mobile\":\"13812345678\",\"text\":\"测试\",\"sign\":\"【测试】\"}"));
    }

    @Test
    void aProviderThatCannotBeReachedIsAConnectionFailure() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            port = s.getLocalPort();
        }
        Outcome o = gateway("http://127.0.0.1:" + port + "/send", Duration.ofSeconds(5), 1).send("13812345678", "测试");
        assertThat(o.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(o.detail()).startsWith("CONNECTION: ");
        assertThat(o.attempts()).isEqualTo(2);
    }
}
