package org.openhall.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openhall.catalog.CatalogApi;
import org.openhall.catalog.FeeInfo;
import org.openhall.catalog.ItemType;
import org.openhall.catalog.ItemVersion;
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
    java.time.Clock clock;

    @Autowired
    DemoDataLoader loader;

    @Autowired
    CatalogApi catalog;

    @Autowired
    org.openhall.calendar.CalendarApi calendar;

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
        // the organisation and the catalogue are loaded by the system; the demo cases, sit-ins, 带班 records and
        // incidents by the logins who handle them
        assertThat(jdbc.sql("select distinct actor from audit_log").query(String.class).list()).contains("system")
                .isSubsetOf("system", "clerk", "depthead", "office", "leader", "supervisor");
    }

    @Test
    void loadsTheServiceCatalogue() {
        CentreInfo centre = org.centreByCode("QX-SSC").orElseThrow();
        List<ItemVersion> items = catalog.currentItems(centre.id());
        // CAT-1: the demo centre offers at least 60 items across its departments
        assertThat(items).hasSize(DemoCatalog.rows().size()).hasSizeGreaterThanOrEqualTo(60);
        assertThat(items.stream().map(ItemVersion::departmentId).distinct().count()).isEqualTo(6L);
        assertThat(items).extracting(ItemVersion::type).contains(ItemType.values());
        assertThat(items.stream().filter(i -> i.type() == ItemType.JOINT).count()).isGreaterThanOrEqualTo(3L);
        assertThat(items.stream().filter(i -> i.type() == ItemType.INSTANT).count()).isGreaterThanOrEqualTo(3L);
        assertThat(items).anyMatch(ItemVersion::online).anyMatch(i -> !i.online()).anyMatch(ItemVersion::greenChannel)
                .anyMatch(ItemVersion::appointment);
        assertThat(items).extracting(ItemVersion::name).contains("企业职工基本养老保险参保登记",
                "城乡居民养老保险待遇申领", "社会保障卡补换", "失业保险金申领", "就业登记", "医保异地就医备案", "生育保险待遇申领",
                "工伤认定申请", "灵活就业人员参保登记", "企业职工退休审批", "个人权益记录查询打印");
        ItemVersion card = items.stream().filter(i -> i.name().equals("社会保障卡补换")).findFirst().orElseThrow();
        assertThat(card.fees()).extracting(FeeInfo::amount).containsExactly(new java.math.BigDecimal("10.00"));
        assertThat(items.stream().filter(i -> !i.fees().isEmpty()).count()).isBetween(1L, 5L);
        assertThat(items).allSatisfy(i -> assertThat(i.committedLimitDays()).isLessThanOrEqualTo(i.statutoryLimitDays()));
        assertThat(jdbc.sql("select count(*) from cat_sample_file").query(Long.class).single()).isGreaterThan(20L);

        var page = new Http(port).get("/public/centres/QX-SSC/catalog");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("社会保障卡补换", "劳动就业中心", "医保中心");
    }

    @Test
    void loadsCasesInEveryStateAroundTheRealToday() {
        long centre = org.centreByCode("QX-SSC").orElseThrow().id();
        List<String> statuses = jdbc.sql("select status from cas_case where centre_id = ?").param(centre)
                .query(String.class).list();
        assertThat(statuses).hasSizeGreaterThanOrEqualTo(40);
        assertThat(statuses).contains("CORRECTION_REQUIRED", "REJECTED", "ACCEPTED", "PROCESSING", "SUSPENDED", "COMPLETED",
                "ARCHIVED");
        java.time.LocalDate today = java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneId.of("Asia/Shanghai"));
        // some open cases are overdue, some due within a day; some were completed late
        assertThat(jdbc.sql("select count(*) from cas_case where centre_id = ? and status in ('ACCEPTED','PROCESSING')"
                + " and due_date < ?").param(centre).param(today).query(Long.class).single()).isGreaterThanOrEqualTo(2L);
        assertThat(jdbc.sql("select count(*) from cas_case where centre_id = ? and completed_on_time = false").param(centre)
                .query(Long.class).single()).isGreaterThanOrEqualTo(2L);
        // the clerk received cases and has work; the one-time notices and receipts were issued
        long clerk = jdbc.sql("select staff_id from app_user where username = 'clerk'").query(Long.class).single();
        assertThat(jdbc.sql("select count(*) from cas_case where intake_staff_id = ?").param(clerk).query(Long.class).single())
                .isGreaterThanOrEqualTo(10L);
        assertThat(jdbc.sql("select count(*) from cas_case where handler_staff_id = ? and status in ('PROCESSING','SUSPENDED')")
                .param(clerk).query(Long.class).single()).isGreaterThanOrEqualTo(2L);
        assertThat(jdbc.sql("select distinct kind from cas_notice").query(String.class).list())
                .contains("RECEIPT", "CORRECTION", "DEFERRAL", "REJECTION", "SUSPENSION", "EXTENSION", "DECISION");
    }

    @Test
    void everyDemoLoginWorks() {
        Http http = new Http(port);
        for (String user : List.of("admin", "office", "leader", "leader2", "depthead", "supervisor", "clerk")) {
            var response = http.get("/api/v1/me", "Authorization", Http.basic(user, "openhall"));
            assertThat(response.statusCode()).as(user).isEqualTo(200);
        }
        var clerk = http.get("/api/v1/org/windows", "Authorization", Http.basic("clerk", "openhall"));
        assertThat(clerk.statusCode()).isEqualTo(200);
        assertThat(clerk.body()).contains("医保参保登记");
        var depthead = http.get("/api/v1/org/staff", "Authorization", Http.basic("depthead", "openhall"));
        assertThat(depthead.body()).contains("李秀英").doesNotContain("王建国");
    }

    /** ATT-2: both demo leaders are principal leaders; requests in several states when the calendar is loaded. */
    @Test
    void hasLeaveLeadersAndRequests() {
        long centre = org.centreByCode("QX-SSC").orElseThrow().id();
        assertThat(jdbc.sql("select count(*) from att_leave_leader where centre_id = ? and kind = 'PRINCIPAL' and active")
                .param(centre).query(Long.class).single()).isEqualTo(2L);
        assertThat(jdbc.sql("select count(*) from att_leave_leader where centre_id = ? and kind = 'DEPUTY' and active")
                .param(centre).query(Long.class).single()).isEqualTo(6L);
        java.time.LocalDate today = java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneId.of("Asia/Shanghai"));
        List<String> statuses = jdbc.sql("select distinct status from att_leave_request where centre_id = ?").param(centre)
                .query(String.class).list();
        if (calendar.loadedYears().contains(today.plusDays(30).getYear())) {
            assertThat(statuses).contains("PENDING", "APPROVED", "REJECTED", "WITHDRAWN");
            assertThat(jdbc.sql("select count(*) from att_leave_request where centre_id = ? and emergency")
                    .param(centre).query(Long.class).single()).isEqualTo(1L);
        } else {
            assertThat(statuses).isEmpty();
        }
    }

    @Test
    void loadsOnlyOnce() throws Exception {
        long before = jdbc.sql("select count(*) from org_staff").query(Long.class).single();
        loader.run(null);
        assertThat(jdbc.sql("select count(*) from org_staff").query(Long.class).single()).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from org_centre").query(Long.class).single()).isEqualTo(1L);
    }
}
