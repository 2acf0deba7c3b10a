package org.openhall.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openhall.organization.CentreInfo;
import org.openhall.organization.OrganizationApi;
import org.openhall.test.Http;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The demo centre's hall floor: queue services, window assignments and the documented demo devices. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "openhall.demo.enabled=true")
class DemoQueueTests {

    @Autowired
    OrganizationApi org;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    @Test
    void theDemoCentreHasQueueServicesWindowsAndDevices() {
        CentreInfo centre = org.centreByCode(DemoCentre.CODE).orElseThrow();
        List<String> prefixes = jdbc.sql("select prefix from q_service where centre_id = :c order by sort_order")
                .param("c", centre.id()).query(String.class).list();
        assertThat(prefixes).containsExactly("A", "B", "C", "D", "E", "F");
        // every acceptance window calls at least one service of its own line
        long unassigned = jdbc.sql("""
                select count(*) from org_window w where w.centre_id = :c and w.type = 'ACCEPTANCE' and not exists
                (select 1 from q_window_service ws where ws.window_id = w.id and ws.own_line = true)""")
                .param("c", centre.id()).query(Long.class).single();
        assertThat(unassigned).isZero();
        assertThat(jdbc.sql("select count(*) from q_window_service where centre_id = :c and own_line = false")
                .param("c", centre.id()).query(Long.class).single()).as("dispatch (Q-10)").isPositive();
        assertThat(jdbc.sql("select count(*) from q_service where centre_id = :c and item_codes is not null")
                .param("c", centre.id()).query(Long.class).single()).as("catalogue items per line").isPositive();
        assertThat(jdbc.sql("select kind from q_device where centre_id = :c order by kind").param("c", centre.id())
                .query(String.class).list()).containsExactly("HALL_DISPLAY", "KIOSK", "RATING_PAD", "WINDOW_DISPLAY");

        Http http = new Http(port);
        var windows = http.get("/api/v1/queue/centres/QX-SSC/windows", "Authorization",
                "Bearer " + DemoQueue.HALL_DISPLAY_TOKEN);
        assertThat(windows.statusCode()).isEqualTo(200);
        assertThat(windows.body()).contains("医保参保登记");
        var services = http.get("/api/v1/queue/centres/QX-SSC/services", "Authorization", "Bearer " + DemoQueue.KIOSK_TOKEN);
        assertThat(services.body()).contains("综合咨询与绿色通道", "社保卡服务");

        // the demo clerk (医保中心) signs in at window 5 and calls: nobody waits yet
        String clerk = Http.basic("clerk", DemoCentre.PASSWORD);
        long window5 = org.windowByNumber(centre.id(), "5").orElseThrow().id();
        assertThat(http.postJson("/api/v1/queue/windows/" + window5 + "/sign-in", "{}", "Authorization", clerk).statusCode())
                .isEqualTo(200);
        assertThat(http.postJson("/api/v1/queue/windows/" + window5 + "/call-next", "{}", "Authorization", clerk)
                .statusCode()).isEqualTo(204);
        assertThat(http.postJson("/api/v1/queue/windows/" + window5 + "/sign-out", "{}", "Authorization", clerk)
                .statusCode()).isEqualTo(200);
        Map<String, Object> audit = jdbc.sql("select count(*) as n from audit_log where entity_type = 'QueueService'")
                .query().singleRow();
        assertThat(((Number) audit.get("n")).intValue()).isEqualTo(6);
    }
}
