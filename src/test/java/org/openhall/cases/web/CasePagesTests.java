package org.openhall.cases.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhall.cases.CaseStatus;
import org.openhall.cases.CasesFixture;
import org.openhall.cases.IntakeChannel;
import org.openhall.cases.internal.CaseCommands;
import org.openhall.cases.internal.CaseView;
import org.openhall.catalog.CatalogFixture;
import org.openhall.catalog.ItemVersion;
import org.openhall.organization.Gender;
import org.openhall.organization.OrgFixture;
import org.openhall.security.Role;
import org.openhall.security.UserAccounts;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The intake page and the case detail through the whole MVC and security stack (CASE-1, CASE-2, CASE-4, CASE-5,
 * CASE-7; SEC-1 data scope, SEC-2 masking, SEC-4 bad input): inline Chinese errors with nothing written, the
 * outcome page, actions refused inline, the audited full read of the applicant, and who may open a case at all.
 */
class CasePagesTests extends CasesFixture.WebCase {

    /** Tuesday 3 March 2026, 10:00 in Beijing. */
    static final String START = "2026-03-03T02:00:00Z";

    ItemVersion item;
    String jyClerk;

    @BeforeEach
    void setUp() {
        at(START);
        openPages();
        o = OrgFixture.create(commands, accounts);
        item = CatalogFixture.committed(catalogCommands, o);
        jyClerk = "t" + o.n() + "-jy-clerk";
        accounts.create(new UserAccounts.NewAccount(jyClerk, OrgFixture.PASSWORD, "刘芳", Set.of(Role.WINDOW_STAFF),
                o.centreId(), o.employment(), o.employmentStaff()[1]));
    }

    String html(ResultActions r) throws Exception {
        return r.andReturn().getResponse().getContentAsString();
    }

    long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    /** What an intake writes: cases, their checklists, steps, notices and the audit trail. */
    List<Long> written() {
        return List.of(count("cas_case"), count("cas_material"), count("cas_step"), count("cas_notice"), count("audit_log"));
    }

    /** A complete, valid intake form of the fixture's item; tests change what they need. */
    MockHttpServletRequestBuilder intake(String... overrides) {
        java.util.Map<String, String> params = new java.util.LinkedHashMap<>();
        params.put("itemCode", item.code());
        params.put("applicantKind", "PERSON");
        params.put("applicantName", "张三丰");
        params.put("idNumber", OrgFixture.idNumber(42, Gender.MALE));
        params.put("mobile", "13912345678");
        params.put("windowId", Long.toString(o.windowId()));
        String[] codes = {"M01", "M02", "M03", "M04", "M05"};
        for (int i = 0; i < codes.length; i++) {
            params.put("materials[" + i + "].code", codes[i]);
            params.put("materials[" + i + "].state", "RECEIVED");
        }
        for (int i = 0; i + 1 < overrides.length; i += 2) {
            params.put(overrides[i], overrides[i + 1]);
        }
        MockHttpServletRequestBuilder b = post("/cases/intake").with(csrf());
        params.forEach(b::param);
        return b;
    }

    /** A case received by the system (no signed-in user) with M02 missing unless {@code complete}. */
    CaseView received(boolean complete) {
        var materials = List.of(new CaseCommands.MaterialCheck("M01", CaseCommands.MaterialState.RECEIVED, null),
                new CaseCommands.MaterialCheck("M02", complete ? CaseCommands.MaterialState.RECEIVED
                        : CaseCommands.MaterialState.MISSING, null),
                new CaseCommands.MaterialCheck("M03", CaseCommands.MaterialState.RECEIVED, null),
                new CaseCommands.MaterialCheck("M04", CaseCommands.MaterialState.RECEIVED, null));
        return cases.intake(new CaseCommands.IntakeRequest(o.centreId(), item.code(),
                new CaseCommands.Applicant(CaseCommands.ApplicantKind.PERSON, "欧阳锋", OrgFixture.idNumber(43, Gender.MALE),
                        null, "13812345678", "ouyang@example.cn", "清溪县白驼山路8号"),
                materials, IntakeChannel.WINDOW, o.windowId(), false, null, null));
    }

    @Test
    void badIntakeInputIsShownNextToEachFieldInChineseAndWritesNothing() throws Exception {
        List<Long> before = written();
        String page = html(mvc.perform(intake("idNumber", OrgFixture.wrongCheckDigit(OrgFixture.idNumber(42, Gender.MALE)),
                        "mobile", "123", "email", "not-an-address",
                        "materials[1].state", "WRONG", "materials[2].state", "DEFERRED", "materials[3].state", "DEFERRED")
                .with(page(o.clerk()))).andExpect(status().isOk()));
        assertThat(page).contains("身份证号码校验位不正确，请核对").contains("手机号码无效：应为以13-19开头的11位数字")
                .contains("电子邮箱格式不正确").contains("材料有误时请注明错误之处").contains("该材料不可容缺")
                .contains("容缺受理须由申请人签署容缺承诺书").contains("请填写容缺材料的补交期限")
                .contains("本次未保存任何内容").contains("value=\"张三丰\"");
        assertThat(written()).isEqualTo(before);

        // an organisation needs its credit code; an unknown material code is refused
        page = html(mvc.perform(intake("applicantKind", "ORGANIZATION", "idNumber", "", "materials[4].code", "M99")
                .with(page(o.clerk()))).andExpect(status().isOk()));
        assertThat(page).contains("请填写单位的统一社会信用代码").contains("材料“M99”不在本事项的材料清单中");
        assertThat(written()).isEqualTo(before);

        // 不予受理 needs its reason
        page = html(mvc.perform(intake("outcome", "REJECT").with(page(o.clerk()))).andExpect(status().isOk()));
        assertThat(page).contains("请填写不予受理的理由");
        // an unknown item
        page = html(mvc.perform(intake("itemCode", "NO-SUCH-ITEM").with(page(o.clerk()))).andExpect(status().isOk()));
        assertThat(page).contains("事项“NO-SUCH-ITEM”不存在或已停用");
        assertThat(written()).isEqualTo(before);
    }

    @Test
    void aCompleteIntakeIsAcceptedAndTheOutcomeShowsNumberDeadlineAndReceipt() throws Exception {
        String location = mvc.perform(intake().with(page(o.clerk())))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/cases/*/outcome"))
                .andReturn().getResponse().getRedirectedUrl();
        String number = location.split("/")[2];
        CaseView v = cases.get(number);
        assertThat(v.status()).isEqualTo(CaseStatus.ACCEPTED);
        assertThat(v.windowId()).isEqualTo(o.windowId());
        assertThat(v.intakeStaffId()).isEqualTo(o.medicalStaff()[1]);
        String page = html(mvc.perform(get(location).with(page(o.clerk()))).andExpect(status().isOk()));
        // 10 working days from Tuesday 3 March 2026
        assertThat(v.dueDate()).isEqualTo(java.time.LocalDate.of(2026, 3, 17));
        assertThat(page).contains(number).contains("已受理").contains("2026年3月17日（10个工作日）")
                .contains("/cases/" + number + "/notices/receipt.pdf").contains("打印受理回执");
    }

    @Test
    void anIncompleteIntakeListsEveryMissingMaterialAndAWrongOneWithItsNote() throws Exception {
        String location = mvc.perform(intake("materials[0].state", "MISSING", "materials[2].state", "WRONG",
                        "materials[2].note", "诊断证明未加盖医院公章").with(page(o.clerk())))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        String page = html(mvc.perform(get(location).with(page(o.clerk()))).andExpect(status().isOk()));
        assertThat(page).contains("待补正").contains("居民身份证或社会保障卡").contains("二级及以上定点医院诊断证明")
                .contains("诊断证明未加盖医院公章").contains("notices/correction.pdf").contains("打印一次性告知单");
    }

    @Test
    void aDeferredIntakeNeedsTheCommitmentAndARejectionTellsWhereToGo() throws Exception {
        String location = mvc.perform(intake("materials[3].state", "DEFERRED", "commitmentSigned", "true",
                        "supplyBy", "2026-03-10").with(page(o.clerk())))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        String page = html(mvc.perform(get(location).with(page(o.clerk()))).andExpect(status().isOk()));
        assertThat(page).contains("已受理").contains("容缺材料").contains("近期检查检验报告").contains("2026年3月10日");

        location = mvc.perform(intake("outcome", "REJECT", "rejectReason", "申请事项属于县人力资源和社会保障局职权范围",
                        "redirectTo", "县人社局二楼劳动关系股").with(page(o.clerk())))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        page = html(mvc.perform(get(location).with(page(o.clerk()))).andExpect(status().isOk()));
        assertThat(page).contains("不予受理").contains("县人社局二楼劳动关系股").contains("notices/rejection.pdf");
    }

    @Test
    void aCaseIsSeenOnlyWithinItsScopeAndAnotherCentreGets404() throws Exception {
        CaseView v = received(true);
        String page = html(mvc.perform(get("/cases/" + v.number()).with(page(o.clerk()))).andExpect(status().isOk()));
        assertThat(page).contains(v.number()).contains("门诊慢特病待遇认定");
        // SEC-2: masked on the page
        assertThat(page).contains("欧**").contains("138****5678").doesNotContain("13812345678").doesNotContain("欧阳锋");
        // a clerk of another department of the same centre
        int jy = mvc.perform(get("/cases/" + v.number()).with(page(jyClerk))).andReturn().getResponse().getStatus();
        assertThat(jy).isIn(403, 404);
        // another centre's office, and its actions
        OrgFixture.Org other = OrgFixture.create(commands, accounts);
        mvc.perform(get("/cases/" + v.number()).with(page(other.office()))).andExpect(status().isNotFound());
        mvc.perform(post("/cases/" + v.number() + "/suspend").with(csrf()).with(page(other.office()))
                .param("reason", "EXPERT_REVIEW")).andExpect(status().isNotFound());
        assertThat(cases.get(v.number()).status()).isEqualTo(CaseStatus.ACCEPTED);
        mvc.perform(get("/cases/NO-SUCH-NUMBER").with(page(o.office()))).andExpect(status().isNotFound());
    }

    @Test
    void aRefusedActionIsShownInlineInChineseAndChangesNothing() throws Exception {
        CaseView v = received(true);
        List<Long> before = written();
        String page = html(mvc.perform(post("/cases/" + v.number() + "/resume").with(csrf()).with(page(o.office()))
                .header("HX-Request", "true")).andExpect(status().isOk()));
        assertThat(page).contains("办件未中止计时，无需恢复").contains("id=\"action-refused\"");
        page = html(mvc.perform(post("/cases/" + v.number() + "/complete").with(csrf()).with(page(o.office()))
                .param("result", "REFUSED").param("reason", "不符合认定标准")).andExpect(status().isOk()));
        assertThat(page).contains("不予许可时须说明理由并告知救济途径").contains("不符合认定标准");
        page = html(mvc.perform(post("/cases/" + v.number() + "/extend").with(csrf()).with(page(o.office()))
                .param("days", "abc").param("reason", "需补充调查")).andExpect(status().isOk()));
        assertThat(page).contains("请填写延长的工作日数（正整数）").contains("需补充调查");
        assertThat(written()).isEqualTo(before);
        assertThat(cases.get(v.number()).version()).isEqualTo(v.version());

        // done right: suspended, then a second suspension is refused inline
        mvc.perform(post("/cases/" + v.number() + "/suspend").with(csrf()).with(page(o.office()))
                .param("reason", "EXPERT_REVIEW").param("note", "专家评审")).andExpect(status().is3xxRedirection());
        assertThat(cases.get(v.number()).status()).isEqualTo(CaseStatus.SUSPENDED);
        page = html(mvc.perform(get("/cases/" + v.number()).with(page(o.office()))).andExpect(status().isOk()));
        assertThat(page).contains("id=\"action-resume\"").doesNotContain("id=\"action-suspend\"").contains("专家评审");
        // a read-only role sees no actions
        page = html(mvc.perform(get("/cases/" + v.number()).with(page(o.supervisor()))).andExpect(status().isOk()));
        assertThat(page).doesNotContain("id=\"action-resume\"").contains("当前状态下您没有可执行的操作");
    }

    @Test
    void theFullApplicantIsShownToThoseWhoNeedItAndTheReadIsAudited() throws Exception {
        CaseView v = received(true);
        long audits = jdbc.sql("select count(*) from audit_log where action = 'READ_PERSONAL_DATA'").query(Long.class).single();
        String page = html(mvc.perform(get("/cases/" + v.number()).with(page(o.office()))).andExpect(status().isOk()));
        assertThat(page).contains("显示完整信息").doesNotContain("13812345678");
        String full = html(mvc.perform(post("/cases/" + v.number() + "/applicant").with(csrf()).with(page(o.office()))
                .header("HX-Request", "true")).andExpect(status().isOk()));
        assertThat(full).contains("欧阳锋").contains("13812345678").contains("清溪县白驼山路8号").contains("本次查看已记录");
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'READ_PERSONAL_DATA'").query(Long.class).single())
                .isEqualTo(audits + 1);
        // the department head neither received nor handles it: no button, and the request stays masked
        page = html(mvc.perform(get("/cases/" + v.number()).with(page(o.medicalHead()))).andExpect(status().isOk()));
        assertThat(page).doesNotContain("显示完整信息");
        full = html(mvc.perform(post("/cases/" + v.number() + "/applicant").with(csrf()).with(page(o.medicalHead())))
                .andExpect(status().isOk()));
        assertThat(full).doesNotContain("13812345678").doesNotContain("欧阳锋");
    }

    @Test
    void supplementsCompleteACaseAndTheDetailShowsTheClockAndTheTimeline() throws Exception {
        CaseView v = received(false);
        assertThat(v.status()).isEqualTo(CaseStatus.CORRECTION_REQUIRED);
        String page = html(mvc.perform(get("/cases/" + v.number()).with(page(o.clerk()))).andExpect(status().isOk()));
        assertThat(page).contains("id=\"action-supplement\"").contains("id=\"action-reject\"").contains("未起算");
        page = html(mvc.perform(post("/cases/" + v.number() + "/supplement").with(csrf()).with(page(o.clerk())))
                .andExpect(status().isOk()));
        assertThat(page).contains("请勾选已收到的材料");
        mvc.perform(post("/cases/" + v.number() + "/supplement").with(csrf()).with(page(o.clerk())).param("received", "M02"))
                .andExpect(status().is3xxRedirection());
        page = html(mvc.perform(get("/cases/" + v.number()).with(page(o.clerk()))).andExpect(status().isOk()));
        assertThat(page).contains("已受理").contains("2026年3月17日（10个工作日）").contains("剩 10 个工作日")
                .contains("收件").contains("一次性告知补正").contains("补正材料").contains("受理");
    }
}
