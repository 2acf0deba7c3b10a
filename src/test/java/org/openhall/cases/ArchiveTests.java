package org.openhall.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Test;
import java.util.List;
import org.openhall.cases.internal.CaseCommands;
import org.openhall.catalog.ItemVersion;
import org.openhall.organization.OrgFixture;
import org.openhall.test.Http;
import tools.jackson.databind.JsonNode;

/**
 * CASE-9 the archive: search by number, item, department, applicant (full name searched, masked name shown),
 * archived dates and result, with the data scope of a department head; retention (保管至) and the cases past it
 * (到期待鉴定); the read-only view with the full history; the archive package with notices, documents, receipts,
 * history.csv, history.pdf and a checksummed index.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArchiveTests extends CasesFixture.WebCase {

    String approved;
    String refused;
    String rejected;
    String old;
    String open;
    String receipt;

    /** One archive for every test (they only read it): cases taken through their whole life at their own dates. */
    @BeforeAll
    void setUp() {
        newCentre();
        ItemVersion medical = FeeFixture.item(catalogCommands, o, o.medical());
        ItemVersion employment = FeeFixture.item(catalogCommands, o, o.employment());

        // approved: a one-time notice, the supplement with its upload, a fee, routing, a suspension for expert
        // review, the decision; archived on 2026-11-20
        at("2026-10-12T01:30:00Z");
        approved = cases.intake(new CaseCommands.IntakeRequest(o.centreId(), medical.code(), FeeFixture.applicant("王小明"),
                CasesFixture.allBut(medical, "M02"), IntakeChannel.WINDOW, o.windowId(), false, null, null)).number();
        at("2026-10-12T02:00:00Z");
        cases.supplement(approved, List.of(new CaseCommands.MaterialCheck("M02", CaseCommands.MaterialState.RECEIVED, null)),
                "补交申请表", List.of(new CaseCommands.Upload("M02", "申请表.pdf", "application/pdf", samplePdf())));
        at("2026-10-12T02:30:00Z");
        var paid = http.postJson("/api/v1/cases/" + approved + "/payments",
                "{\"method\": \"CASH\", \"items\": [{\"code\": \"DJF\"}, {\"code\": \"GBF\"}]}", "Authorization",
                Http.basic(o.clerk(), OrgFixture.PASSWORD));
        assertThat(paid.statusCode()).as(paid.body()).isEqualTo(201);
        receipt = json.readTree(paid.body()).get("receiptNumber").asString();
        at("2026-10-13T02:00:00Z");
        cases.route(approved, o.medical(), CasesFixture.handlerOf(o, o.medical()), "转医保中心办理");
        at("2026-10-14T02:00:00Z");
        cases.suspend(approved, SuspensionReason.EXPERT_REVIEW, "组织专家评审");
        at("2026-10-21T02:00:00Z");
        cases.resume(approved, "专家评审结束");
        at("2026-11-18T02:00:00Z");
        cases.complete(approved, CaseResult.APPROVED, null, null);
        at("2026-11-20T03:00:00Z");
        cases.archive(approved);

        // refused, of the employment department, archived on 2026-10-15
        at("2026-09-01T02:00:00Z");
        refused = FeeFixture.accepted(cases, o, employment, "李四").number();
        at("2026-10-14T02:00:00Z");
        FeeFixture.completed(cases, o, employment, refused, CaseResult.REFUSED);
        at("2026-10-15T02:00:00Z");
        cases.archive(refused);

        // not accepted (退件), archived on 2026-11-02
        at("2026-10-30T02:00:00Z");
        rejected = cases.intake(new CaseCommands.IntakeRequest(o.centreId(), medical.code(), FeeFixture.applicant("王小红"),
                CasesFixture.allReceived(medical), IntakeChannel.WINDOW, o.windowId(), false, null,
                new CaseCommands.Rejection("申请事项不属于本中心职权范围", "县市场监督管理局"))).number();
        at("2026-11-02T02:00:00Z");
        cases.archive(rejected);

        // filed in 1990: the working-day calendar has no 1990, so the case is filed now and its filing date moved back
        at("2026-11-02T03:00:00Z");
        old = FeeFixture.accepted(cases, o, medical, "赵钱孙").number();
        FeeFixture.completed(cases, o, medical, old, CaseResult.APPROVED);
        cases.archive(old);
        jdbc.sql("update cas_case set archived_at = :t where number = :n")
                .param("t", Timestamp.from(Instant.parse("1990-06-01T02:00:00Z"))).param("n", old).update();

        // completed, not archived
        open = FeeFixture.accepted(cases, o, medical, "王小明").number();
        FeeFixture.completed(cases, o, medical, open, CaseResult.APPROVED);
        CLOCK.set(NOW);
    }

    static byte[] samplePdf() {
        return org.openhall.shared.pdf.PdfDocuments.a4("申请表", CLOCK, (document, writer) ->
                document.add(new org.openpdf.text.Paragraph("不动产登记申请表", org.openhall.shared.pdf.PdfFonts.font(12))));
    }

    JsonNode search(String user, String query) {
        var r = http.get("/api/v1/cases/archive?" + query, "Authorization", Http.basic(user, OrgFixture.PASSWORD));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json.readTree(r.body());
    }

    static java.util.List<String> numbers(JsonNode page) {
        java.util.List<String> list = new java.util.ArrayList<>();
        page.get("entries").forEach(e -> list.add(e.get("number").asString()));
        return list;
    }

    @Test
    void searchesTheArchiveByEveryCriterionAndShowsApplicantsMasked() {
        JsonNode all = search(o.office(), "");
        assertThat(numbers(all)).containsExactly(approved, rejected, refused, old);
        assertThat(all.get("total").asLong()).isEqualTo(4);
        assertThat(all.toString()).doesNotContain("王小明").doesNotContain("王小红").doesNotContain("李四")
                .contains("王**").contains("李*");
        JsonNode first = all.get("entries").get(0);
        assertThat(first.get("retainUntil").asInt()).isEqualTo(2056);
        assertThat(first.get("expired").asBoolean()).isFalse();
        assertThat(first.get("departmentName").asString()).isEqualTo("医保中心");
        assertThat(first.get("outcome").asString()).isEqualTo("APPROVED");

        assertThat(numbers(search(o.office(), "number=" + approved.substring(approved.length() - 13).toLowerCase()))).containsExactly(approved);
        // the full name is searched, exactly
        assertThat(numbers(search(o.office(), "applicant=王小明"))).containsExactly(approved);
        assertThat(numbers(search(o.office(), "applicant=王"))).isEmpty();
        assertThat(numbers(search(o.office(), "q=王小红"))).containsExactly(rejected);
        String code = jdbc.sql("select item_code from cas_case where number = :n").param("n", approved).query(String.class)
                .single();
        assertThat(numbers(search(o.office(), "item=" + code))).containsExactly(approved, rejected, old);
        assertThat(numbers(search(o.office(), "item=慢特病"))).hasSize(4);
        assertThat(numbers(search(o.office(), "item=社保"))).isEmpty();
        assertThat(numbers(search(o.office(), "department=" + o.employment()))).containsExactly(refused);
        assertThat(numbers(search(o.office(), "from=2026-11-01&to=2026-11-20"))).containsExactly(approved, rejected);
        assertThat(numbers(search(o.office(), "to=2026-10-31"))).containsExactly(refused, old);
        assertThat(numbers(search(o.office(), "outcome=REFUSED"))).containsExactly(refused);
        assertThat(numbers(search(o.office(), "outcome=NOT_ACCEPTED"))).containsExactly(rejected);
        // paged
        JsonNode page2 = search(o.leader(), "size=3&page=2");
        assertThat(numbers(page2)).containsExactly(old);
        assertThat(page2.get("pages").asInt()).isEqualTo(2);
    }

    @Test
    void retentionIsShownAndCasesPastItWaitForAppraisal() {
        JsonNode expired = search(o.office(), "expired=true");
        assertThat(numbers(expired)).containsExactly(old);
        assertThat(expired.get("entries").get(0).get("retainUntil").asInt()).isEqualTo(2020);
        assertThat(expired.get("entries").get(0).get("expired").asBoolean()).isTrue();
        // nothing is deleted: the case is still there
        assertThat(jdbc.sql("select count(*) from cas_case where number = :n").param("n", old).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void aDepartmentHeadSearchesOnlyTheirDepartmentAndWindowStaffNotAtAll() throws Exception {
        assertThat(numbers(search(o.medicalHead(), ""))).containsExactly(approved, rejected, old);
        assertThat(numbers(search(o.medicalHead(), "department=" + o.employment()))).doesNotContain(refused);
        assertThat(numbers(search(o.employmentHead(), ""))).containsExactly(refused);
        assertThat(http.get("/api/v1/cases/archive", "Authorization", Http.basic(o.clerk(), OrgFixture.PASSWORD))
                .statusCode()).isEqualTo(403);
        mvc.perform(get("/cases/archive").with(page(o.clerk()))).andExpect(status().isForbidden());
        // another department's archived case does not exist for a department head
        mvc.perform(get("/cases/archive/" + approved).with(page(o.employmentHead()))).andExpect(status().isNotFound());
        mvc.perform(get("/cases/archive/" + approved + ".zip").with(page(o.employmentHead())))
                .andExpect(status().isNotFound());
    }

    @Test
    void theSearchPageHasTabsFiltersAndMaskedNames() throws Exception {
        String html = mvc.perform(get("/cases/archive").param("applicant", "王小明").with(page(o.office())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Document doc = Jsoup.parse(html);
        assertThat(doc.select("table.archive tbody tr")).hasSize(1);
        assertThat(doc.select("table.archive tbody tr").text()).contains(approved).contains("王**").contains("保管至 2056年")
                .doesNotContain("王小明");
        assertThat(doc.select("#applicant").attr("value")).isEqualTo("王小明");
        String expired = mvc.perform(get("/cases/archive").param("tab", "expired").with(page(o.leader())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Document e = Jsoup.parse(expired);
        assertThat(e.select("#tab-expired").hasClass("active")).isTrue();
        assertThat(e.select("table.archive tbody tr")).hasSize(1);
        assertThat(e.select("table.archive tbody tr").text()).contains(old).contains("到期待鉴定");
    }

    @Test
    void anArchivedCaseIsShownReadOnlyWithItsFullHistory() throws Exception {
        String html = mvc.perform(get("/cases/archive/" + approved).with(page(o.office())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Document doc = Jsoup.parse(html);
        assertThat(doc.select("main form[method=post]")).as("no action on an archived case").isEmpty();
        assertThat(doc.select("#retention").text()).isEqualTo("保管至 2056年");
        assertThat(doc.text()).contains("已归档 · 只读").contains("王**").doesNotContain("王小明").contains("专家评审")
                .contains("转医保中心办理").contains("申请表.pdf");
        assertThat(doc.select("a[href=\"/cases/" + approved + "/notices/RECEIPT.pdf\"]")).hasSize(1);
        assertThat(doc.select("a[href=\"/cases/" + approved + "/notices/DECISION.pdf\"]")).hasSize(1);
        // the links lead to the notices as issued
        mvc.perform(get("/cases/" + approved + "/notices/DECISION.pdf").with(page(o.office()))).andExpect(status().isOk());
        assertThat(doc.select("a[href=\"/cases/" + approved + "/payments/" + receipt + ".pdf\"]")).hasSize(1);
        assertThat(doc.select("#history tbody tr").eachText()).anyMatch(t -> t.contains("收件"))
                .anyMatch(t -> t.contains("中止计时：专家评审")).anyMatch(t -> t.contains("出具文书：受理回执"))
                .anyMatch(t -> t.contains("收费：收据 " + receipt)).anyMatch(t -> t.contains("办结：准予"))
                .anyMatch(t -> t.contains("归档"));
        // the history is in time order
        assertThat(doc.select("#history tbody tr td:first-child").eachText()).isSorted();
        // a case not archived is not in the archive
        mvc.perform(get("/cases/archive/" + open).with(page(o.office()))).andExpect(status().isNotFound());
        var document = mvc.perform(get("/cases/archive/" + approved + "/documents/"
                        + jdbc.sql("select id from cas_document where file_name = '申请表.pdf' and centre_id = :c")
                        .param("c", o.centreId()).query(Long.class).single()).with(page(o.leader())))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(document.getContentType()).isEqualTo("application/pdf");
        assertThat(document.getContentAsByteArray()).startsWith("%PDF".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void theArchivePackageHoldsNoticesDocumentsReceiptsAndTheHistory() throws Exception {
        byte[] zip = mvc.perform(get("/cases/archive/" + approved + ".zip").with(page(o.office())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                files.put(e.getName(), in.readAllBytes());
            }
        }
        java.util.List<String> names = new java.util.ArrayList<>(files.keySet());
        assertThat(names.getFirst()).isEqualTo("notices/01-CORRECTION-20261012.pdf");
        assertThat(names).containsSubsequence("notices/02-RECEIPT-20261012.pdf", "notices/03-SUSPENSION-20261014.pdf");
        assertThat(names.stream().filter(n -> n.startsWith("notices/")).toList().getLast()).endsWith("-DECISION-20261118.pdf");
        assertThat(names.subList(names.size() - 5, names.size())).containsExactly("receipts/" + receipt + ".pdf",
                "documents/01-申请表.pdf", "history.csv", "history.pdf", "index.csv");
        try (PDDocument notice = Loader.loadPDF(files.get("notices/02-RECEIPT-20261012.pdf"))) {
            assertThat(new PDFTextStripper().getText(notice)).contains("受理回执").contains(approved);
        }
        try (PDDocument receiptPdf = Loader.loadPDF(files.get("receipts/" + receipt + ".pdf"))) {
            assertThat(new PDFTextStripper().getText(receiptPdf)).contains("人民币伍佰陆拾元整");
        }
        String csv = new String(files.get("history.csv"), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF时间,事项,操作人,说明").contains(",收件,").contains("分办（医保中心）")
                .contains("中止计时：专家评审").contains("恢复计时：专家评审").contains("出具文书：办理结果通知书")
                .contains("上传材料：申请表.pdf").contains("收费：收据 " + receipt + "，¥560.00，现金").contains("办结：准予")
                .contains("归档");
        try (PDDocument history = Loader.loadPDF(files.get("history.pdf"))) {
            String text = new PDFTextStripper().getText(history);
            assertThat(text).contains("办件档案").contains(approved).contains("保管至 2056年").contains("中止计时：专家评审")
                    .contains("王**").doesNotContain("王小明");
        }
        String index = new String(files.get("index.csv"), StandardCharsets.UTF_8);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(files.get("history.csv")));
        assertThat(index).contains("history.csv," + files.get("history.csv").length + "," + sha);
        // the API gives the same package
        var api = http.get("/api/v1/cases/archive/" + approved, "Authorization", Http.basic(o.leader(), OrgFixture.PASSWORD));
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(json.readTree(api.body()).get("receipts").get(0).asString()).isEqualTo(receipt);
        assertThat(http.get("/api/v1/cases/archive/" + open, "Authorization", Http.basic(o.leader(), OrgFixture.PASSWORD))
                .statusCode()).isEqualTo(404);
    }
}
