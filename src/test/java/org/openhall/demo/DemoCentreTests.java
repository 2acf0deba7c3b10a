package org.openhall.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openhall.organization.CentreInfo;
import org.openhall.organization.DepartmentInfo;
import org.openhall.organization.OrganizationApi;
import org.openhall.organization.StaffSummary;
import org.openhall.organization.WindowInfo;
import org.openhall.organization.WindowType;
import org.openhall.shared.ChineseIdNumber;
import org.openhall.shared.MobileNumber;
import org.openhall.test.Http;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The demo centre loads on first start with openhall.demo.enabled=true, and its logins work. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "openhall.demo.enabled=true")
class DemoCentreTests {

    @Autowired
    OrganizationApi org;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DemoDataLoader loader;

    @LocalServerPort
    int port;

    @Test
    void loadsTheCountySocialSecurityCentre() {
        CentreInfo centre = org.centreByCode("QX-SSC").orElseThrow();
        assertThat(centre.name()).isEqualTo("清溪县社会保险服务中心");
        List<DepartmentInfo> departments = org.departments(centre.id());
        assertThat(departments).extracting(DepartmentInfo::name)
                .containsExactly("劳动就业中心", "医保中心", "机关社保中心", "城乡居民社保中心", "劳动社保中心", "中心办公室");
        assertThat(departments).extracting(DepartmentInfo::dutyOrder).containsExactly(1, 2, 3, 4, 5, 6);

        List<WindowInfo> windows = org.windows(centre.id());
        assertThat(windows).hasSizeGreaterThanOrEqualTo(12);
        assertThat(windows).extracting(WindowInfo::type).contains(WindowType.values());
        assertThat(windows).allSatisfy(w -> assertThat(w.postA().staffId()).isNotEqualTo(w.postB().staffId()));

        List<StaffSummary> staff = org.staffOfCentre(centre.id());
        assertThat(staff).hasSizeGreaterThanOrEqualTo(40);
        assertThat(staff).extracting(StaffSummary::name).doesNotHaveDuplicates();
        List<String> ids = jdbc.sql("select id_number from org_staff").query(String.class).list();
        assertThat(ids).hasSize(staff.size()).allSatisfy(id -> assertThat(ChineseIdNumber.isValid(id)).isTrue());
        List<String> mobiles = jdbc.sql("select mobile from org_staff").query(String.class).list();
        assertThat(mobiles).allSatisfy(m -> assertThat(MobileNumber.isValid(m)).isTrue());

        long rotations = jdbc.sql("select count(*) from org_window_post where to_date is not null").query(Long.class).single();
        assertThat(rotations).isEqualTo(2L * DemoCentre.ROTATED.size());
        assertThat(jdbc.sql("select count(*) from org_training").query(Long.class).single()).isGreaterThan(40L);
        assertThat(jdbc.sql("select count(*) from org_staff_photo").query(Long.class).single()).isEqualTo((long) staff.size());
        assertThat(jdbc.sql("select distinct actor from audit_log").query(String.class).list()).containsExactly("system");
    }

    @Test
    void everyDemoLoginWorks() {
        Http http = new Http(port);
        for (String user : List.of("admin", "office", "leader", "depthead", "supervisor", "clerk")) {
            var response = http.get("/api/v1/me", "Authorization", Http.basic(user, "openhall"));
            assertThat(response.statusCode()).as(user).isEqualTo(200);
        }
        var clerk = http.get("/api/v1/org/windows", "Authorization", Http.basic("clerk", "openhall"));
        assertThat(clerk.statusCode()).isEqualTo(200);
        assertThat(clerk.body()).contains("医保参保登记");
        var depthead = http.get("/api/v1/org/staff", "Authorization", Http.basic("depthead", "openhall"));
        assertThat(depthead.body()).contains("李秀英").doesNotContain("王建国");
    }

    @Test
    void loadsOnlyOnce() throws Exception {
        long before = jdbc.sql("select count(*) from org_staff").query(Long.class).single();
        loader.run(null);
        assertThat(jdbc.sql("select count(*) from org_staff").query(Long.class).single()).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from org_centre").query(Long.class).single()).isEqualTo(1L);
    }
}
