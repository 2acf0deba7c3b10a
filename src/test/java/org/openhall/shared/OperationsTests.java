package org.openhall.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openhall.test.Http;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Operations: health and Prometheus endpoints answer without login; the API documentation is served. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OperationsTests {

    @LocalServerPort
    int port;

    @Test
    void healthIsUp() {
        var r = new Http(port).get("/actuator/health");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void prometheusMetricsAreExposed() {
        var r = new Http(port).get("/actuator/prometheus");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("jvm_memory_used_bytes").contains("hikaricp_connections");
    }

    @Test
    void openApiDescribesTheApi() {
        var r = new Http(port).get("/api/v1/openapi");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"openapi\"").contains("/api/v1/me");
    }

    @Test
    void unknownPagesNeedLoginAndUnknownApiPathsAnswerWithProblemDetails() {
        var page = new Http(port).get("/no-such-page");
        assertThat(page.statusCode()).isEqualTo(302);
        var api = new Http(port).get("/api/v1/no-such-thing");
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.body()).contains("urn:openhall:problem:unauthorized");
    }
}
