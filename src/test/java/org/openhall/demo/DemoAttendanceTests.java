package org.openhall.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openhall.organization.CentreInfo;
import org.openhall.organization.OrganizationApi;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The demo centre's attendance (ATT-1, ATT-3, ATT-4): three days signed in and out, a notice, two findings. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "openhall.demo.enabled=true")
class DemoAttendanceTests {

    @Autowired
    OrganizationApi org;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theDemoCentreHasThreeDaysOfAttendanceANoticeAndTwoFindings() {
        CentreInfo centre = org.centreByCode(DemoCentre.CODE).orElseThrow();
        assertThat(jdbc.sql("select count(distinct work_day) from att_day where centre_id = ? and signed_out_at is not null")
                .params(centre.id()).query(Long.class).single()).isEqualTo(3);
        assertThat(jdbc.sql("select count(*) from att_notice where centre_id = ? and ended_at is not null "
                        + "and stand_in_staff_id is not null").params(centre.id()).query(Long.class).single()).isEqualTo(1);
        List<String> findings = jdbc.sql("select kind || ':' || rule_code from att_finding where centre_id = ? "
                        // the demo's past days only: tests sharing this context sign in at the console today
                        + "and work_day in (select work_day from att_day where signed_out_at is not null) order by kind")
                .params(centre.id()).query(String.class).list();
        assertThat(findings).containsExactly("ABSENT_FROM_POST:check", "LATE:late-sign-in");
    }
}
