package org.openhall.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhall.organization.OrgFixture;
import org.openhall.organization.OrganizationCommands;
import org.openhall.queue.internal.LiveEvents;
import org.openhall.security.UserAccounts;
import org.openhall.test.Http;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.support.TransactionTemplate;
import org.openhall.queue.internal.QueueDesk;
import org.openhall.queue.internal.Devices;
import org.openhall.queue.internal.LiveHub;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openhall.queue.WindowStatus;
import org.openhall.queue.TicketChannel;
import org.openhall.queue.internal.QueueServices;

/**
 * The centre's live stream over HTTP (Q-4, Q-9 API): a client connects, a call comes, the client goes away, two more
 * calls are made, and on reconnecting with its Last-Event-ID it receives exactly the two it missed, then live events
 * again; who may open the stream.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "openhall.queue.close-day.enabled=false")
@Import(QueueFixture.Config.class)
@ExtendWith(OutputCaptureExtension.class)
class LiveStreamTests {

    private static final Duration SOON = Duration.ofSeconds(10);

    @LocalServerPort int port;
    @Autowired OrganizationCommands org;
    @Autowired UserAccounts accounts;
    @Autowired LiveEvents events;
    @Autowired TransactionTemplate tx;
    @Autowired QueueServices services;
    @Autowired QueueDesk desk;
    @Autowired Devices devices;
    @Autowired LiveHub hub;

    QueueFixture.Floor floor;
    OrgFixture.Org o;

    @BeforeEach
    void setUp() {
        floor = QueueFixture.create(org, accounts, services, 1);
        o = floor.org();
    }

    /** Issues a ticket and has the window call it (finishing the one before): a real call through the desk. */
    private String callThroughDesk() {
        long w = floor.windows()[0];
        QueueDesk.WindowView view = desk.window(w).orElseThrow();
        if (view.status() == WindowStatus.SIGNED_OUT) {
            desk.signIn(w, floor.staff()[0], "test");
        } else if (view.current() != null) {
            desk.start(w, "test");
            desk.finish(w, null, "test");
        }
        desk.issue(QueueDesk.IssueRequest.ordinary(o.centreId(), floor.serviceA(), TicketChannel.KIOSK), "device:1");
        return desk.callNext(w, "test").orElseThrow().number();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private String office() {
        return Http.basic(o.office(), OrgFixture.PASSWORD);
    }

    private long call(String number, String window) {
        return tx.execute(s -> events.append(o.centreId(), "ticket.called", o.windowId(), Map.of("number", number,
                "window", window, "announcement", "请 " + number + " 号到 " + window + " 号窗口办理")));
    }

    @Test
    void aReconnectAfterRealCallsReceivesExactlyWhatHappenedMeanwhile() {
        String path = "/api/v1/queue/centres/" + o.code() + "/events";
        long last;
        String first;
        try (SseClient sse = SseClient.open(url(path), "Authorization", office())) {
            assertThat(sse.status()).isEqualTo(200);
            first = callThroughDesk();
            SseClient.Event called = sse.takeOfType("ticket.called", 1, SOON).getFirst();
            assertThat(first).isEqualTo("A001");
            assertThat(called.data()).contains("\"number\":\"A001\"")
                    .contains("\"speech\":\"请 A 零 零 一 号到 " + floor.numbers()[0] + " 号窗口办理\"");
            // the call carries its window's state: nothing after it
            assertThat(called.data()).contains("\"windowState\":{").contains("\"status\":\"CALLING\"");
            last = called.idNumber();
        }
        String second = callThroughDesk();
        String third = callThroughDesk();
        List<Long> missed = events.since(o.centreId(), last, 100).stream().map(e -> e.id()).toList();
        try (SseClient sse = SseClient.open(url(path), "Authorization", office(), "Last-Event-ID", Long.toString(last))) {
            List<SseClient.Event> got = sse.take(missed.size(), SOON);
            assertThat(got).extracting(SseClient.Event::idNumber).containsExactlyElementsOf(missed);
            assertThat(got).filteredOn(e -> e.type().equals("ticket.called")).extracting(SseClient.Event::data)
                    .satisfiesExactly(d -> assertThat(d).contains("\"number\":\"" + second + "\""),
                            d -> assertThat(d).contains("\"number\":\"" + third + "\""));
            assertThat(sse.next(Duration.ofSeconds(1))).as("nothing but the missed events").isNull();
        }
    }

    @Test
    void aReconnectWithLastEventIdReceivesExactlyTheMissedCalls() {
        String path = "/api/v1/queue/centres/" + o.code() + "/events";
        long first;
        try (SseClient sse = SseClient.open(url(path), "Authorization", office())) {
            assertThat(sse.status()).isEqualTo(200);
            assertThat(sse.contentType()).startsWith("text/event-stream");
            first = call("A001", "5");
            SseClient.Event e = sse.take(1, SOON).getFirst();
            assertThat(e.idNumber()).isEqualTo(first);
            assertThat(e.type()).isEqualTo("ticket.called");
            assertThat(e.data()).contains("\"number\":\"A001\"").contains("请 A001 号到 5 号窗口办理");
        }
        long second = call("A002", "5");
        long third = call("A003", "5");
        try (SseClient sse = SseClient.open(url(path), "Authorization", office(), "Last-Event-ID",
                Long.toString(first))) {
            List<SseClient.Event> missed = sse.take(2, SOON);
            assertThat(missed).extracting(SseClient.Event::idNumber).containsExactly(second, third);
            assertThat(missed).extracting(SseClient.Event::data).anySatisfy(d -> assertThat(d).contains("A002"))
                    .anySatisfy(d -> assertThat(d).contains("A003"));
            assertThat(sse.next(Duration.ofSeconds(1))).as("nothing but the missed calls").isNull();
            long fourth = call("A004", "5");
            assertThat(sse.take(1, SOON)).extracting(SseClient.Event::idNumber).containsExactly(fourth);
        }
    }

    @Test
    void aStreamTheServerEndsEndsCleanlyForStaffAndDevices(CapturedOutput output) throws Exception {
        String path = "/api/v1/queue/centres/" + o.code() + "/events";
        String hall = devices.issue(o.centreId(), DeviceKind.HALL_DISPLAY, "叫号屏", null).token();
        try (SseClient staff = SseClient.open(url(path), "Authorization", office());
                SseClient device = SseClient.open(url(path), "Authorization", "Bearer " + hall)) {
            long id = call("A001", "5");
            assertThat(staff.take(1, SOON)).extracting(SseClient.Event::idNumber).containsExactly(id);
            assertThat(device.take(1, SOON)).extracting(SseClient.Event::idNumber).containsExactly(id);
            // the server closes the streams (what a timeout, a revoked device or a shutdown do)
            hub.disconnect(o.centreId());
            assertThat(staff.awaitEnd(SOON)).as("staff stream ended").isTrue();
            assertThat(device.awaitEnd(SOON)).as("device stream ended").isTrue();
        }
        Thread.sleep(500);
        // the completing (async) dispatch of the stream is not refused by the stateless API security
        assertThat(output.getAll()).doesNotContain("Unable to handle the Spring Security Exception");
    }

    @Test
    void theFirstConnectMayResumeFromTheIdThePageWasDrawnAt() {
        long drawnAt = events.lastId(o.centreId());
        long a = call("A001", "5");
        String path = "/api/v1/queue/centres/" + o.code() + "/events?lastEventId=" + drawnAt;
        try (SseClient sse = SseClient.open(url(path), "Authorization", office())) {
            assertThat(sse.take(1, SOON)).extracting(SseClient.Event::idNumber).containsExactly(a);
            // the header of a reconnect wins over the parameter of the first connect
        }
        try (SseClient sse = SseClient.open(url(path), "Authorization", office(), "Last-Event-ID", Long.toString(a))) {
            assertThat(sse.next(Duration.ofMillis(800))).isNull();
        }
    }

    @Test
    void onlyStaffOfTheCentreOrItsDevicesMayListen() {
        Http http = new Http(port);
        String path = "/api/v1/queue/centres/" + o.code() + "/events";
        assertThat(http.get(path, "Accept", "text/event-stream").statusCode()).isEqualTo(401);
        OrgFixture.Org other = OrgFixture.create(org, accounts);
        assertThat(http.get(path, "Accept", "text/event-stream", "Authorization",
                Http.basic(other.office(), OrgFixture.PASSWORD)).statusCode()).isEqualTo(403);
        assertThat(http.get("/api/v1/queue/centres/NO-SUCH/events", "Accept", "text/event-stream", "Authorization",
                office()).statusCode()).isEqualTo(404);
        assertThat(http.get(path + "?lastEventId=abc", "Accept", "text/event-stream", "Authorization", office())
                .statusCode()).isEqualTo(400);
        // a device of the centre with its Bearer token may; one of another centre may not
        String hall = devices.issue(o.centreId(), DeviceKind.HALL_DISPLAY, "叫号屏", null).token();
        String foreign = devices.issue(other.centreId(), DeviceKind.HALL_DISPLAY, "叫号屏", null).token();
        try (SseClient sse = SseClient.open(url(path), "Authorization", "Bearer " + hall)) {
            assertThat(sse.status()).isEqualTo(200);
            long id = call("A001", "5");
            assertThat(sse.take(1, SOON)).extracting(SseClient.Event::idNumber).containsExactly(id);
        }
        assertThat(http.get(path, "Accept", "text/event-stream", "Authorization", "Bearer " + foreign).statusCode())
                .isEqualTo(403);
        assertThat(http.get(path, "Accept", "text/event-stream", "Authorization", "Bearer not-a-device-token")
                .statusCode()).isEqualTo(401);
        // the staff page stream wants a login session
        assertThat(http.get("/queue/live/" + o.code() + "/events", "Accept", "text/event-stream").statusCode())
                .isIn(302, 401);
    }
}
