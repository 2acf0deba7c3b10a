package org.openhall.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.openhall.calendar.CalendarApi;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** ORG-1 / CAL-1: a centre created without a zone takes the installation's configured default, and so does its calendar. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "openhall.default-zone=Asia/Urumqi")
class DefaultZoneTests {

    @Autowired
    OrganizationCommands commands;

    @Autowired
    OrganizationApi organization;

    @Autowired
    CalendarApi calendar;

    @Test
    void aCentreWithoutAZoneTakesTheConfiguredDefault() {
        long id = commands.createCentre(new CentreData("DZ-1", "默认时区中心", null, null, null));
        assertThat(organization.centre(id)).hasValueSatisfying(c -> assertThat(c.zone()).isEqualTo(ZoneId.of("Asia/Urumqi")));
        assertThat(calendar.zone("DZ-1")).isEqualTo(ZoneId.of("Asia/Urumqi"));
    }
}
