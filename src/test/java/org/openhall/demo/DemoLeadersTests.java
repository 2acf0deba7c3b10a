package org.openhall.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The demo centre shows leaders on duty, 带班 records, incidents and a drill (DUTY-6, DUTY-7). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "openhall.demo.enabled=true")
class DemoLeadersTests {

    @Autowired
    JdbcClient jdbc;

    long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    @Test
    void loadsSitInsShiftRecordsIncidentsAndADrill() {
        assertThat(count("select count(*) from duty_dept_leader where active")).isEqualTo(7);
        // last week: four reports, one late, one absent; next week: two
        assertThat(count("select count(*) from duty_sit_in")).isGreaterThanOrEqualTo(6);
        assertThat(count("select count(*) from duty_sit_in where late")).isGreaterThanOrEqualTo(1);
        assertThat(count("select count(*) from duty_sit_in where attendance = 'ABSENT'")).isEqualTo(1);
        assertThat(count("select count(*) from duty_sit_in where attendance = 'PRESENT' and checked_in_at is not null"))
                .isEqualTo(1);
        assertThat(count("select count(*) from duty_shift_lead where summary is not null")).isEqualTo(1);
        assertThat(count("select count(*) from duty_incident where status = 'CLOSED'")).isEqualTo(1);
        assertThat(count("select count(*) from duty_incident_step")).isGreaterThanOrEqualTo(5);
        assertThat(count("select count(*) from duty_drill")).isEqualTo(1);
    }
}
