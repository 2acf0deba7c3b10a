package org.openhall.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhall.security.UserAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** The organisation pages through the whole MVC and security stack: inline errors, data scope, masking, htmx. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OrganizationPagesTests {

    @Autowired
    WebApplicationContext context;

    @Autowired
    OrganizationCommands commands;

    @Autowired
    UserAccounts accounts;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    MockMvc mvc;
    OrgFixture.Org o;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        o = OrgFixture.create(commands, accounts);
    }

    RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    long staffCount() {
        return jdbc.sql("select count(*) from org_staff").query(Long.class).single();
    }

    String html(org.springframework.test.web.servlet.ResultActions r) throws Exception {
        return r.andReturn().getResponse().getContentAsString();
    }

    @Test
    void anInvalidIdNumberIsShownNextToItsFieldAndNothingIsSaved() throws Exception {
        long before = staffCount();
        String page = html(mvc.perform(multipart("/org/staff").with(as(o.office())).with(csrf())
                        .param("centreId", Long.toString(o.centreId())).param("departmentId", Long.toString(o.medical()))
                        .param("staffNumber", "YB30").param("name", "孙悦").param("gender", "FEMALE")
                        .param("idNumber", OrgFixture.wrongCheckDigit(OrgFixture.idNumber(500, Gender.FEMALE)))
                        .param("employmentType", "REGULAR"))
                .andExpect(status().isOk()));
        assertThat(page).contains("身份证号码校验位不正确，请核对").contains("id=\"idNumber-err\"").contains("class=\"invalid\"");
        assertThat(staffCount()).isEqualTo(before);
    }

    @Test
    void aDuplicateStaffNumberAndABadPhotoAreShownInline() throws Exception {
        long before = staffCount();
        String page = html(mvc.perform(multipart("/org/staff")
                        .file(new MockMultipartFile("photo", "me.jpg", "image/jpeg", "not an image at all".getBytes()))
                        .with(as(o.office())).with(csrf())
                        .param("centreId", Long.toString(o.centreId())).param("departmentId", Long.toString(o.medical()))
                        .param("staffNumber", "YB01").param("name", "孙悦").param("gender", "FEMALE")
                        .param("employmentType", "REGULAR"))
                .andExpect(status().isOk()));
        assertThat(page).contains("照片须为 JPEG 或 PNG 图片");
        assertThat(staffCount()).isEqualTo(before);
        String dup = html(mvc.perform(multipart("/org/staff").with(as(o.office())).with(csrf())
                        .param("centreId", Long.toString(o.centreId())).param("departmentId", Long.toString(o.medical()))
                        .param("staffNumber", "YB01").param("name", "孙悦").param("gender", "FEMALE")
                        .param("employmentType", "REGULAR"))
                .andExpect(status().isOk()));
        assertThat(dup).contains("工号“YB01”在本中心已被使用");
        assertThat(staffCount()).isEqualTo(before);
    }

    @Test
    void aPhotoOfHugeDimensionsIsRefusedInlineAndNothingIsSaved() throws Exception {
        long before = staffCount();
        long photos = jdbc.sql("select count(*) from org_staff_photo").query(Long.class).single();
        String page = html(mvc.perform(multipart("/org/staff")
                        .file(new MockMultipartFile("photo", "big.png", "image/png",
                                org.openhall.organization.internal.HugePng.of(20000, 20000)))
                        .with(as(o.office())).with(csrf())
                        .param("centreId", Long.toString(o.centreId())).param("departmentId", Long.toString(o.medical()))
                        .param("staffNumber", "YB32").param("name", "孙悦").param("gender", "FEMALE")
                        .param("employmentType", "REGULAR"))
                .andExpect(status().isOk()));
        assertThat(page).contains("照片尺寸过大（20000×20000 像素）：总像素不能超过 16777216（约 4096×4096）");
        assertThat(staffCount()).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from org_staff_photo").query(Long.class).single()).isEqualTo(photos);
    }

    @Test
    void aValidStaffMemberIsSavedAndRedirectsWithAFlashMessage() throws Exception {
        long before = staffCount();
        var result = mvc.perform(multipart("/org/staff").with(as(o.office())).with(csrf())
                        .param("centreId", Long.toString(o.centreId())).param("departmentId", Long.toString(o.medical()))
                        .param("staffNumber", "YB31").param("name", "吴昊").param("gender", "MALE")
                        .param("idNumber", OrgFixture.idNumber(501, Gender.MALE)).param("mobile", "139 1234 5678")
                        .param("employmentType", "PART_TIME"))
                .andExpect(status().is3xxRedirection()).andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).startsWith("/org/staff/");
        assertThat(result.getFlashMap().get("flash")).isEqualTo("已新增工作人员“吴昊”");
        assertThat(staffCount()).isEqualTo(before + 1);
    }

    @Test
    void aDepartmentHeadSeesOnlyTheirStaffAndGets403ForOthers() throws Exception {
        String list = html(mvc.perform(get("/org/staff").with(as(o.medicalHead()))).andExpect(status().isOk()));
        assertThat(list).contains("李秀英", "张伟", "陈晓燕").doesNotContain("王建国", "刘芳");
        long other = o.employmentStaff()[1];
        mvc.perform(get("/org/staff/" + other).with(as(o.medicalHead()))).andExpect(status().isForbidden());
        mvc.perform(get("/org/staff/" + other + "/edit").with(as(o.medicalHead()))).andExpect(status().isForbidden());
        mvc.perform(get("/org/staff/" + other + "/badge.pdf").with(as(o.medicalHead()))).andExpect(status().isForbidden());
        mvc.perform(multipart("/org/staff/" + other).with(as(o.medicalHead())).with(csrf())
                        .param("departmentId", Long.toString(o.employment())).param("staffNumber", "JY02")
                        .param("name", "改名").param("gender", "FEMALE").param("employmentType", "REGULAR"))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("select name from org_staff where id = :id").param("id", other).query(String.class).single())
                .isEqualTo("刘芳");
        mvc.perform(get("/org/staff?department=" + o.employment()).with(as(o.medicalHead()))).andExpect(status().isForbidden());
        mvc.perform(get("/org/staff/" + o.medicalStaff()[1]).with(as(o.medicalHead()))).andExpect(status().isOk());
    }

    @Test
    void windowStaffSeeWindowsAndDepartmentsButNoStaff() throws Exception {
        assertThat(html(mvc.perform(get("/org/windows").with(as(o.clerk()))).andExpect(status().isOk())))
                .contains("5号窗口", "张伟", "陈晓燕");
        assertThat(html(mvc.perform(get("/org/departments").with(as(o.clerk()))).andExpect(status().isOk())))
                .contains("医保中心", "劳动就业中心");
        mvc.perform(get("/org/staff").with(as(o.clerk()))).andExpect(status().isForbidden());
        mvc.perform(get("/org/staff/" + o.medicalStaff()[1]).with(as(o.clerk()))).andExpect(status().isForbidden());
        mvc.perform(get("/org/windows/new").with(as(o.clerk()))).andExpect(status().isForbidden());
    }

    @Test
    void theFullIdNumberOnlyForAdminAndCentreOfficeAndItsReadIsAudited() throws Exception {
        long id = o.medicalStaff()[1];
        String full = jdbc.sql("select id_number from org_staff where id = :id").param("id", id).query(String.class).single();
        String masked = org.openhall.shared.Masking.idNumber(full);
        assertThat(html(mvc.perform(get("/org/staff/" + id).with(as(o.office()))))).contains(full);
        assertThat(jdbc.sql("select count(*) from audit_log where entity_type = 'Staff' and entity_id = :id and action = 'READ_PERSONAL'")
                .param("id", Long.toString(id)).query(Long.class).single()).isEqualTo(1L);
        String leader = html(mvc.perform(get("/org/staff/" + id).with(as(o.leader()))));
        assertThat(leader).doesNotContain(full).contains(masked);
        String head = html(mvc.perform(get("/org/staff/" + id).with(as(o.medicalHead()))));
        assertThat(head).doesNotContain(full).contains(masked);
        String list = html(mvc.perform(get("/org/staff").with(as(o.office()))));
        assertThat(list).doesNotContain(full).contains("139****");
        String edit = html(mvc.perform(get("/org/staff/" + id + "/edit").with(as(o.office()))));
        assertThat(edit).doesNotContain(full).contains(masked);
    }

    @Test
    void thePublicPageNeedsNoLoginAndShowsNothingPersonal() throws Exception {
        String page = html(mvc.perform(get("/public/centres/" + o.code() + "/staff")).andExpect(status().isOk()));
        assertThat(page).contains("张伟", "窗口受理员", "负责受理");
        for (String id : jdbc.sql("select id_number from org_staff where centre_id = :c").param("c", o.centreId())
                .query(String.class).list()) {
            assertThat(page).doesNotContain(id).doesNotContain(id.substring(0, 6) + "*");
        }
        assertThat(page).doesNotContain("1390000");
        mvc.perform(get("/public/centres/NO-SUCH/staff")).andExpect(status().isNotFound());
    }

    @Test
    void htmxFilteringReturnsOnlyTheResults() throws Exception {
        String fragment = html(mvc.perform(get("/org/staff").param("department", Long.toString(o.employment()))
                .header("HX-Request", "true").with(as(o.office()))).andExpect(status().isOk()));
        assertThat(fragment).doesNotContain("<html").contains("id=\"staff-results\"").contains("王建国")
                .doesNotContain("李秀英");
        String full = html(mvc.perform(get("/org/staff").param("department", Long.toString(o.employment()))
                .with(as(o.office()))));
        assertThat(full).contains("<html").contains("王建国");
    }

    @Test
    void windowFormRefusesTheSamePersonAsAAndB() throws Exception {
        long before = jdbc.sql("select count(*) from org_window").query(Long.class).single();
        String page = html(mvc.perform(post("/org/windows").with(as(o.office())).with(csrf())
                .param("centreId", Long.toString(o.centreId())).param("departmentId", Long.toString(o.medical()))
                .param("number", "8").param("name", "综合").param("type", "GENERAL")
                .param("postAStaffId", Long.toString(o.medicalStaff()[0]))
                .param("postBStaffId", Long.toString(o.medicalStaff()[0]))).andExpect(status().isOk()));
        assertThat(page).contains("B角不能与A角为同一人");
        assertThat(jdbc.sql("select count(*) from org_window").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void windowFormRefusesTooLongServicesAndChangeReasonInline() throws Exception {
        long before = jdbc.sql("select count(*) from org_window").query(Long.class).single();
        String page = html(mvc.perform(post("/org/windows").with(as(o.office())).with(csrf())
                .param("centreId", Long.toString(o.centreId())).param("departmentId", Long.toString(o.medical()))
                .param("number", "9").param("name", "综合").param("type", "GENERAL")
                .param("services", "异地就医备案\n" + "长".repeat(61))
                .param("postAStaffId", Long.toString(o.medicalStaff()[0]))
                .param("postBStaffId", Long.toString(o.medicalStaff()[2]))).andExpect(status().isOk()));
        assertThat(page).contains("办理事项最多 30 项，每项不超过 60 个字").contains("id=\"services-err\"")
                .contains("异地就医备案"); // what was typed stays in the form
        assertThat(jdbc.sql("select count(*) from org_window").query(Long.class).single()).isEqualTo(before);

        // the edit form's change reason (stored in varchar 200), like the rotation form's reason
        String edit = html(mvc.perform(post("/org/windows/" + o.windowId()).with(as(o.office())).with(csrf())
                .param("departmentId", Long.toString(o.medical())).param("number", "5").param("name", "医保参保登记（改）")
                .param("type", "ACCEPTANCE").param("active", "true")
                .param("postAStaffId", Long.toString(o.medicalStaff()[2]))
                .param("postBStaffId", Long.toString(o.medicalStaff()[1]))
                .param("changeReason", "因".repeat(201))).andExpect(status().isOk()));
        assertThat(edit).contains("id=\"changeReason-err\"").contains("长度须在 0 到 200 个字符之间");
        assertThat(jdbc.sql("select name from org_window where id = :id").param("id", o.windowId()).query(String.class).single())
                .isEqualTo("医保参保登记");
        assertThat(jdbc.sql("select count(*) from org_window_post where window_id = :id").param("id", o.windowId())
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void rotationFromThePageIsRecorded() throws Exception {
        mvc.perform(post("/org/windows/" + o.windowId() + "/rotate").with(as(o.office())).with(csrf())
                        .param("postAStaffId", Long.toString(o.medicalStaff()[2]))
                        .param("postBStaffId", Long.toString(o.medicalStaff()[0]))
                        .param("effective", "2026-01-05").param("reason", "年度轮岗"))
                .andExpect(status().is3xxRedirection());
        String detail = html(mvc.perform(get("/org/windows/" + o.windowId()).with(as(o.leader()))));
        assertThat(detail).contains("年度轮岗", "2026-01-05", "窗口设立");
        String missingReason = html(mvc.perform(post("/org/windows/" + o.windowId() + "/rotate").with(as(o.office())).with(csrf())
                .param("postAStaffId", Long.toString(o.medicalStaff()[1]))
                .param("postBStaffId", Long.toString(o.medicalStaff()[0]))
                .param("effective", "2026-01-06").param("reason", "")).andExpect(status().isOk()));
        assertThat(missingReason).contains("不能为空");
        mvc.perform(get("/org/windows/" + o.windowId() + "/rotate").with(as(o.leader()))).andExpect(status().isForbidden());
    }

    @Test
    void trainingIsListedByDepartmentForTheDepartmentHead() throws Exception {
        commands.recordTraining(new TrainingData(o.medicalStaff()[1], TrainingCategory.SERVICE_ETIQUETTE, "服务礼仪培训",
                java.time.LocalDate.of(2025, 5, 20), new java.math.BigDecimal("2"), 90, "办公室"));
        commands.recordTraining(new TrainingData(o.employmentStaff()[1], TrainingCategory.EMOTION_MANAGEMENT, "情绪管理培训",
                java.time.LocalDate.of(2025, 6, 20), new java.math.BigDecimal("1.5"), null, "心理服务站"));
        String page = html(mvc.perform(get("/org/training").with(as(o.medicalHead()))).andExpect(status().isOk()));
        assertThat(page).contains("服务礼仪培训").doesNotContain("情绪管理培训");
        String all = html(mvc.perform(get("/org/training").param("category", "EMOTION_MANAGEMENT").with(as(o.office()))));
        assertThat(all).contains("情绪管理培训").doesNotContain("服务礼仪培训");
        String bad = html(mvc.perform(post("/org/training").with(as(o.medicalHead())).with(csrf())
                .param("centreId", Long.toString(o.centreId())).param("staffId", Long.toString(o.medicalStaff()[2]))
                .param("category", "SERVICE_SKILLS").param("title", "技能").param("date", "2025-03-01")
                .param("hours", "2").param("score", "130")).andExpect(status().isOk()));
        assertThat(bad).contains("成绩须在 0 到 100 之间");
        mvc.perform(post("/org/training").with(as(o.medicalHead())).with(csrf())
                .param("centreId", Long.toString(o.centreId())).param("staffId", Long.toString(o.employmentStaff()[2]))
                .param("category", "SERVICE_SKILLS").param("title", "越权").param("date", "2025-03-01")
                .param("hours", "2")).andExpect(status().isForbidden());
    }
}
