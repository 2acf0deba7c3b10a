package org.openhall.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.openhall.shared.pdf.PdfFonts;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The bundled CJK font and its stylesheet are served to browsers over real HTTP, without login. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FontResourcesTests {

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void fontIsServedPubliclyWithALongCache() throws Exception {
        byte[] bundled = bundledFont();
        HttpResponse<byte[]> response = get("/fonts/openhall-cjk.ttf");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("font/ttf");
        assertThat(response.headers().firstValueAsLong("Content-Length")).hasValue(bundled.length);
        assertThat(response.body()).isEqualTo(bundled);
        assertThat(response.headers().firstValue("Cache-Control")).hasValueSatisfying(cache ->
                assertThat(cache).contains("max-age=31536000").contains("public").doesNotContain("no-store"));
        assertThat(response.headers().firstValue("Set-Cookie")).as("no session for a static file").isEmpty();
    }

    @Test
    void unchangedFontIsNotSentAgain() throws Exception {
        HttpResponse<byte[]> first = get("/fonts/openhall-cjk.ttf");
        String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();
        HttpResponse<byte[]> again = http.send(HttpRequest.newBuilder(uri("/fonts/openhall-cjk.ttf"))
                .header("If-Modified-Since", lastModified).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(again.statusCode()).isEqualTo(304);
    }

    @Test
    void stylesheetDeclaresTheFontFace() throws Exception {
        HttpResponse<byte[]> response = get("/css/fonts.css");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/css"));
        String css = new String(response.body(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(css).contains("@font-face", "font-family: \"OpenHall CJK\"",
                "url(\"../fonts/openhall-cjk.ttf\") format(\"truetype\")", "font-display: swap");
    }

    @Test
    void onlyTheFontItselfIsExposed() throws Exception {
        assertThat(get("/fonts/wqy-microhei.ttf").statusCode()).isNotEqualTo(200);
        assertThat(get("/fonts/README.md").statusCode()).isNotEqualTo(200);
    }

    HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    static byte[] bundledFont() throws IOException {
        try (InputStream in = FontResourcesTests.class.getClassLoader().getResourceAsStream(PdfFonts.RESOURCE)) {
            assertThat(in).isNotNull();
            return in.readAllBytes();
        }
    }
}
