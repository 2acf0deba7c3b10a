package org.openhall.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhall.cases.internal.CaseView;
import org.openhall.catalog.ItemVersion;
import org.openhall.organization.OrgFixture;
import org.openhall.test.Http;
import org.springframework.mock.web.MockMultipartFile;
import tools.jackson.databind.JsonNode;

/**
 * CASE-8 fees through the REST API and the pages: payments against the item version's fee items (bad fee code and
 * wrong amount → 400, nothing written), no payment on a rejected or archived case (409), receipt numbers unique under
 * concurrency, the receipt PDF with the amount in capital numerals, voids with the centre office's approval, and the
 * daily reconciliation (one window matches, one differs by 0.50, one not entered) with its .xlsx export and import.
 */
class FeesTests extends CasesFixture.WebCase {

    ItemVersion item;

    @BeforeEach
    void setUp() {
        CLOCK.set(NOW);
        newCentre();
        item = FeeFixture.item(catalogCommands, o, o.medical());
    }

    String as(String user) {
        return Http.basic(user, OrgFixture.PASSWORD);
    }

    JsonNode body(HttpResponse<String> r) {
        return json.readTree(r.body());
    }

    String accepted() {
        return FeeFixture.accepted(cases, o, item, "王小明").number();
    }

    HttpResponse<String> pay(String number, String user, String body) {
        return http.postJson("/api/v1/cases/" + number + "/payments", body, "Authorization", as(user));
    }

    HttpResponse<String> put(String path, String body, String header, String value) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").header(header, value)
                .PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    long paymentsOfCentre() {
        return jdbc.sql("select count(*) from cas_payment where centre_id = :c").param("c", o.centreId()).query(Long.class)
                .single();
    }

    long auditOf(String action) {
        return jdbc.sql("select count(*) from audit_log where centre_id = :c and entity_type = 'CasePayment' and action = :a")
                .param("c", o.centreId()).param("a", action).query(Long.class).single();
    }

    static String text(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    byte[] bytes(String path, String user) throws Exception {
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", as(user)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return r.body();
    }

    @Test
    void recordsAPaymentAtTheWindowAndPrintsItsReceiptWithTheAmountInCapitalNumerals() throws Exception {
        String number = accepted();
        var r = pay(number, o.clerk(), """
                {"method": "CASH", "items": [{"code": "DJF"}, {"code": "GBF", "quantity": 1, "amount": "10.00"},
                 {"code": "CHF", "amount": 674.50}]}""");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode p = body(r);
        String receipt = p.get("receiptNumber").asString();
        // CASE-8: readable per centre and day: centre code, 收费, date, sequence
        assertThat(receipt).isEqualTo(o.code() + "-SF-20261123-0001");
        assertThat(r.headers().firstValue("Location")).hasValue("/api/v1/cases/" + number + "/payments/" + receipt);
        assertThat(p.get("total").decimalValue()).isEqualByComparingTo("1234.50");
        assertThat(p.get("totalCapital").asString()).isEqualTo("人民币壹仟贰佰叁拾肆元伍角整");
        assertThat(p.get("payer").asString()).isEqualTo("王**");
        assertThat(p.get("windowNumber").asString()).isEqualTo("5");
        assertThat(p.get("status").asString()).isEqualTo("PAID");
        assertThat(p.get("items")).hasSize(3);
        assertThat(r.body()).doesNotContain("王小明");

        String pdf = text(bytes("/api/v1/cases/" + number + "/payments/" + receipt + ".pdf", o.clerk()));
        assertThat(pdf).contains("收费收据").contains(receipt).contains(number).contains("人民币壹仟贰佰叁拾肆元伍角整")
                .contains("1,234.50").contains("王**").contains("现金").contains("5号窗口").contains("张伟")
                .contains("不动产登记费").contains("测绘服务费").contains("2026-11-23 10:00:00").doesNotContain("王小明");

        // kept as issued among the case's notices, and audited
        assertThat(cases.get(number).notices()).extracting(CaseView.Notice::kind).contains(NoticeKind.RECEIPT)
                .containsOnlyOnce(NoticeKind.FEE_RECEIPT);
        assertThat(auditOf("CREATE")).isEqualTo(1);
        var list = http.get("/api/v1/cases/" + number + "/payments", "Authorization", as(o.leader()));
        assertThat(body(list)).hasSize(1);
        // for another department's head the case does not exist
        assertThat(http.get("/api/v1/cases/" + number + "/payments", "Authorization", as(o.employmentHead())).statusCode())
                .isEqualTo(404);
    }

    @Test
    void refusesAnUnknownFeeCodeAWrongAmountAndFractionsOfAFenAndWritesNothing() {
        String number = accepted();
        var unknown = pay(number, o.clerk(), """
                {"method": "CASH", "items": [{"code": "XYZ"}]}""");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(body(unknown).get("errors").get(0).get("field").asString()).isEqualTo("items[0].code");
        assertThat(body(unknown).get("detail").asString()).contains("XYZ").contains(item.name());
        assertThat(body(unknown).get("detail_en").asString()).contains("XYZ");

        var wrong = pay(number, o.clerk(), """
                {"method": "CASH", "items": [{"code": "GBF"}, {"code": "DJF", "amount": 550.01}]}""");
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(body(wrong).get("errors").get(0).get("field").asString()).isEqualTo("items[1].amount");
        assertThat(body(wrong).get("detail").asString()).contains("550.00").contains("550.01");

        var timesTwo = pay(number, o.clerk(), """
                {"method": "CASH", "items": [{"code": "GBF", "quantity": 2, "amount": "10.00"}]}""");
        assertThat(timesTwo.statusCode()).isEqualTo(400);
        assertThat(body(timesTwo).get("detail").asString()).contains("20.00");

        for (String bad : List.of(
                "{\"method\": \"CASH\", \"items\": [{\"code\": \"GBF\", \"amount\": 10.005}]}",
                "{\"method\": \"CASH\", \"items\": [{\"code\": \"GBF\", \"quantity\": 0}]}",
                "{\"method\": \"CASH\", \"items\": []}",
                "{\"items\": [{\"code\": \"GBF\"}]}",
                "{\"method\": \"BITCOIN\", \"items\": [{\"code\": \"GBF\"}]}",
                "{\"method\": \"CASH\", \"items\": [{\"code\": \"GBF\"}, {\"code\": \"GBF\"}]}",
                "{\"method\": \"CASH\", \"windowId\": 999999, \"items\": [{\"code\": \"GBF\"}]}")) {
            var r = pay(number, o.clerk(), bad);
            assertThat(r.statusCode()).as(bad + " → " + r.body()).isEqualTo(400);
        }
        assertThat(paymentsOfCentre()).isZero();
        assertThat(auditOf("CREATE")).isZero();
        assertThat(count("select count(*) from cas_receipt_sequence where centre_id = " + o.centreId())).isZero();

        // the standard times the quantity is right, to the fen
        var two = pay(number, o.clerk(), """
                {"method": "WECHAT", "items": [{"code": "GBF", "quantity": 2, "amount": 20}]}""");
        assertThat(two.statusCode()).as(two.body()).isEqualTo(201);
        assertThat(body(two).get("totalCapital").asString()).isEqualTo("人民币贰拾元整");
        // a fee item is paid once
        var again = pay(number, o.clerk(), """
                {"method": "CASH", "items": [{"code": "GBF"}]}""");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(paymentsOfCentre()).isEqualTo(1);
    }

    @Test
    void noMoneyIsTakenOnARejectedOrArchivedCase() {
        String rejected = CasesFixture.rejected(cases, o, item).number();
        String archived = CasesFixture.archived(cases, o, item).number();
        String body = "{\"method\": \"CASH\", \"items\": [{\"code\": \"GBF\"}]}";
        var onRejected = pay(rejected, o.clerk(), body);
        assertThat(onRejected.statusCode()).isEqualTo(409);
        assertThat(body(onRejected).get("detail").asString()).contains(rejected);
        assertThat(pay(archived, o.clerk(), body).statusCode()).isEqualTo(409);
        assertThat(pay(archived, o.office(), body).statusCode()).isEqualTo(409);
        assertThat(pay(o.code() + "-20261123-9999", o.clerk(), body).statusCode()).isEqualTo(404);
        assertThat(paymentsOfCentre()).isZero();

        // for another centre's office the case does not exist
        FeeFixture.Centre other = FeeFixture.centre(commands, accounts);
        assertThat(pay(accepted(), other.org().office(), body).statusCode()).isEqualTo(404);
        // a supervisor sees the payments but takes no money
        assertThat(pay(accepted(), o.supervisor(), body).statusCode()).isEqualTo(403);
        assertThat(paymentsOfCentre()).isZero();
    }

    @Test
    void aVoidNeedsAReasonAndTheCentreOfficesApprovalAndNothingIsDeleted() {
        String number = accepted();
        String receipt = body(pay(number, o.clerk(), "{\"method\": \"CASH\", \"items\": [{\"code\": \"GBF\"}]}"))
                .get("receiptNumber").asString();
        String base = "/api/v1/cases/" + number + "/payments/" + receipt;

        assertThat(http.postJson(base + "/void", "{}", "Authorization", as(o.clerk())).statusCode()).isEqualTo(400);
        var requested = http.postJson(base + "/void", "{\"reason\": \"缴款人重复缴费\"}", "Authorization", as(o.clerk()));
        assertThat(requested.statusCode()).isEqualTo(200);
        assertThat(body(requested).get("status").asString()).isEqualTo("VOID_REQUESTED");
        // the clerk cannot approve their own void; the centre office can
        assertThat(http.postJson(base + "/void-decision", "{\"approve\": true}", "Authorization", as(o.clerk()))
                .statusCode()).isEqualTo(403);
        var approved = http.postJson(base + "/void-decision", "{\"approve\": true}", "Authorization", as(o.office()));
        assertThat(approved.statusCode()).isEqualTo(200);
        assertThat(body(approved).get("status").asString()).isEqualTo("VOIDED");
        assertThat(body(approved).get("voidReason").asString()).isEqualTo("缴款人重复缴费");
        assertThat(http.postJson(base + "/void-decision", "{\"approve\": true}", "Authorization", as(o.office()))
                .statusCode()).isEqualTo(409);

        // voided, the fee item may be paid again; the voided payment stays
        var again = pay(number, o.clerk(), "{\"method\": \"ALIPAY\", \"items\": [{\"code\": \"GBF\"}]}");
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(body(again).get("receiptNumber").asString()).endsWith("-0002");
        assertThat(paymentsOfCentre()).isEqualTo(2);

        // a refusal needs a reason and leaves the payment paid
        String second = "/api/v1/cases/" + number + "/payments/" + body(again).get("receiptNumber").asString();
        http.postJson(second + "/void", "{\"reason\": \"误操作\"}", "Authorization", as(o.clerk()));
        assertThat(http.postJson(second + "/void-decision", "{\"approve\": false}", "Authorization", as(o.office()))
                .statusCode()).isEqualTo(400);
        var refused = http.postJson(second + "/void-decision", "{\"approve\": false, \"refusal\": \"已核实，款项无误\"}",
                "Authorization", as(o.office()));
        assertThat(body(refused).get("status").asString()).isEqualTo("PAID");
        assertThat(body(refused).get("voidRefusal").asString()).isEqualTo("已核实，款项无误");
        assertThat(auditOf("VOID_REQUEST")).isEqualTo(2);
        assertThat(auditOf("VOID_APPROVE")).isEqualTo(1);
        assertThat(auditOf("VOID_REFUSE")).isEqualTo(1);

        // archived, the case's payments are read-only
        FeeFixture.completed(cases, o, item, number, CaseResult.APPROVED);
        cases.archive(number);
        assertThat(http.postJson(second + "/void", "{\"reason\": \"迟到的申请\"}", "Authorization", as(o.clerk()))
                .statusCode()).isEqualTo(409);
    }

    @Test
    void concurrentPaymentsGetUniqueConsecutiveReceiptNumbers() throws Exception {
        int n = 12;
        List<String> numbers = IntStream.range(0, n).mapToObj(i -> accepted()).toList();
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> results = new ArrayList<>();
        try {
            for (String number : numbers) {
                results.add(pool.submit(() -> {
                    start.await();
                    return pay(number, o.office(), "{\"method\": \"CASH\", \"windowId\": " + c.window6()
                            + ", \"items\": [{\"code\": \"DJF\"}, {\"code\": \"GBF\"}]}");
                }));
            }
            start.countDown();
            Set<String> receipts = new HashSet<>();
            for (Future<HttpResponse<String>> f : results) {
                HttpResponse<String> r = f.get();
                assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
                receipts.add(body(r).get("receiptNumber").asString());
            }
            Set<String> expected = new HashSet<>();
            for (int i = 1; i <= n; i++) {
                expected.add(o.code() + "-SF-20261123-" + "%04d".formatted(i));
            }
            assertThat(receipts).isEqualTo(expected);
        } finally {
            pool.shutdownNow();
        }
        // the next day starts again at 0001
        CLOCK.set(Instant.parse("2026-11-24T01:00:00Z"));
        var tomorrow = pay(accepted(), o.clerk(), "{\"method\": \"CASH\", \"items\": [{\"code\": \"GBF\"}]}");
        assertThat(body(tomorrow).get("receiptNumber").asString()).isEqualTo(o.code() + "-SF-20261124-0001");
    }

    /** Window 5 matches, window 6 differs by 0.50, window 7 is not entered. */
    void reconciliationDay() throws Exception {
        String a = accepted();
        String b = accepted();
        String d = accepted();
        String e = accepted();
        assertThat(pay(a, o.clerk(), "{\"method\": \"CASH\", \"items\": [{\"code\": \"DJF\"}]}").statusCode()).isEqualTo(201);
        assertThat(pay(b, o.clerk(), "{\"method\": \"CASH\", \"items\": [{\"code\": \"GBF\"}]}").statusCode()).isEqualTo(201);
        // paid and voided the same day: no net takings
        String voided = body(pay(e, o.clerk(), "{\"method\": \"CASH\", \"items\": [{\"code\": \"GBF\"}]}"))
                .get("receiptNumber").asString();
        http.postJson("/api/v1/cases/" + e + "/payments/" + voided + "/void", "{\"reason\": \"收错\"}", "Authorization",
                as(o.clerk()));
        http.postJson("/api/v1/cases/" + e + "/payments/" + voided + "/void-decision", "{\"approve\": true}",
                "Authorization", as(o.office()));
        assertThat(pay(d, o.office(), "{\"method\": \"WECHAT\", \"windowId\": " + c.window6()
                + ", \"items\": [{\"code\": \"CHF\"}]}").statusCode()).isEqualTo(201);
        assertThat(pay(b, o.office(), "{\"method\": \"CASH\", \"windowId\": " + c.window7()
                + ", \"items\": [{\"code\": \"CHF\"}]}").statusCode()).isEqualTo(201);
        settle(c.window5(), "CASH", "560.00");
        settle(c.window6(), "WECHAT", "674.00");
    }

    void settle(long window, String method, String amount) throws Exception {
        var r = put("/api/v1/cases/fees/settlements",
                "{\"date\": \"2026-11-23\", \"windowId\": " + window + ", \"method\": \"" + method + "\", \"amount\": " + amount + "}",
                "Authorization", as(o.office()));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    @Test
    void theDailyReconciliationShowsMatchesDifferencesAndFiguresNotEntered() throws Exception {
        reconciliationDay();
        var r = http.get("/api/v1/cases/fees/reconciliation?date=2026-11-23", "Authorization", as(o.office()));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode day = body(r);
        JsonNode rows = day.get("rows");
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).get("windowNumber").asString()).isEqualTo("5");
        assertThat(rows.get(0).get("paid").decimalValue()).isEqualByComparingTo("570.00");
        assertThat(rows.get(0).get("voided").decimalValue()).isEqualByComparingTo("10.00");
        assertThat(rows.get(0).get("takings").decimalValue()).isEqualByComparingTo("560.00");
        assertThat(rows.get(0).get("difference").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(rows.get(0).get("status").asString()).isEqualTo("MATCHED");
        assertThat(rows.get(1).get("windowNumber").asString()).isEqualTo("6");
        assertThat(rows.get(1).get("difference").decimalValue()).isEqualByComparingTo("-0.50");
        assertThat(rows.get(1).get("status").asString()).isEqualTo("MISMATCHED");
        assertThat(rows.get(2).get("windowNumber").asString()).isEqualTo("7");
        assertThat(rows.get(2).get("status").asString()).isEqualTo("NOT_ENTERED");
        assertThat(rows.get(2).has("settled")).isFalse();
        assertThat(day.get("takings").decimalValue()).isEqualByComparingTo("1909.00");
        assertThat(day.get("settled").decimalValue()).isEqualByComparingTo("1234.00");
        assertThat(day.get("difference").decimalValue()).isEqualByComparingTo("-675.00");
        assertThat(day.get("status").asString()).isEqualTo("MISMATCHED");
        assertThat(http.get("/api/v1/cases/fees/reconciliation?date=2026-11-23", "Authorization", as(o.leader()))
                .statusCode()).isEqualTo(200);
        assertThat(http.get("/api/v1/cases/fees/reconciliation?date=2026-11-23", "Authorization", as(o.clerk()))
                .statusCode()).isEqualTo(403);
        // the clerk may not enter the settlement office's figures, nor a day in the future be entered
        var byClerk = put("/api/v1/cases/fees/settlements",
                "{\"date\": \"2026-11-23\", \"windowId\": " + c.window7() + ", \"method\": \"CASH\", \"amount\": 674.5}",
                "Authorization", as(o.clerk()));
        assertThat(byClerk.statusCode()).isEqualTo(403);
        var future = put("/api/v1/cases/fees/settlements",
                "{\"date\": \"2026-11-24\", \"windowId\": " + c.window7() + ", \"method\": \"CASH\", \"amount\": 1}",
                "Authorization", as(o.office()));
        assertThat(future.statusCode()).isEqualTo(400);

        // the page: the difference highlighted, a totals row, the statuses
        String html = mvc.perform(get("/cases/fees/reconciliation").param("date", "2026-11-23").with(page(o.office())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Document doc = Jsoup.parse(html);
        Element six = doc.selectFirst("tr[data-window=6][data-method=WECHAT]");
        assertThat(six).isNotNull();
        assertThat(six.hasClass("diff")).isTrue();
        assertThat(six.selectFirst("td.difference").text()).isEqualTo("-0.50");
        assertThat(six.text()).contains("不一致");
        Element five = doc.selectFirst("tr[data-window=5][data-method=CASH]");
        assertThat(five.hasClass("diff")).isFalse();
        assertThat(five.text()).contains("一致").contains("560.00");
        Element seven = doc.selectFirst("tr[data-window=7][data-method=CASH]");
        assertThat(seven.hasClass("missing")).isTrue();
        assertThat(seven.text()).contains("未录入");
        assertThat(doc.selectFirst("tfoot tr.total").text()).contains("合计").contains("1,909.00").contains("1,234.00")
                .contains("-675.00");
        assertThat(doc.select("#recon-status").text()).isEqualTo("不一致");
        mvc.perform(get("/cases/fees/reconciliation").with(page(o.clerk()))).andExpect(status().isForbidden());

        // the export: the same lines, the difference in red
        byte[] xlsx = mvc.perform(get("/cases/fees/reconciliation/export").param("date", "2026-11-23").with(page(o.office())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = wb.getSheetAt(0);
            Row line6 = sheet.getRow(4);
            assertThat(line6.getCell(0).getStringCellValue()).isEqualTo("6号窗口");
            assertThat(line6.getCell(8).getNumericCellValue()).isEqualTo(-0.5);
            assertThat(line6.getCell(9).getStringCellValue()).isEqualTo("不一致");
            XSSFCellStyle style = (XSSFCellStyle) line6.getCell(8).getCellStyle();
            assertThat(style.getFont().getBold()).isTrue();
            Row total = sheet.getRow(6);
            assertThat(total.getCell(0).getStringCellValue()).isEqualTo("合计");
            assertThat(total.getCell(6).getNumericCellValue()).isEqualTo(1909.0);
        }
    }

    @Test
    void theSettlementOfficeImportsItsFiguresFromASpreadsheetAllOrNothing() throws Exception {
        reconciliationDay();
        byte[] bad = sheet(new Object[][] {{"5", "现金", 560.0}, {"7", "比特币", 674.5}});
        String back = mvc.perform(multipart("/cases/fees/reconciliation/import")
                        .file(new MockMultipartFile("file", "figures.xlsx", "application/octet-stream", bad))
                        .param("date", "2026-11-23").with(page(o.office())).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getFlashMap().get("flashError").toString();
        assertThat(back).contains("第 3 行").contains("比特币");
        assertThat(count("select count(*) from cas_settlement where window_id = " + c.window7())).isZero();

        byte[] good = sheet(new Object[][] {{"6", "微信支付", "674.50"}, {"7号窗口", "CASH", 674.5}});
        String ok = mvc.perform(multipart("/cases/fees/reconciliation/import")
                        .file(new MockMultipartFile("file", "figures.xlsx", "application/octet-stream", good))
                        .param("date", "2026-11-23").with(page(o.office())).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getFlashMap().get("flash").toString();
        assertThat(ok).contains("2");
        JsonNode day = body(http.get("/api/v1/cases/fees/reconciliation?date=2026-11-23", "Authorization", as(o.office())));
        assertThat(day.get("status").asString()).isEqualTo("MATCHED");
        assertThat(day.get("difference").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(count("select count(*) from audit_log where entity_type = 'CaseSettlement' and action = 'SETTLEMENT_IMPORT' and centre_id = "
                + o.centreId())).isEqualTo(2);
    }

    static byte[] sheet(Object[][] lines) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet("结算室");
            Row h = s.createRow(0);
            h.createCell(0).setCellValue("窗口号");
            h.createCell(1).setCellValue("支付方式");
            h.createCell(2).setCellValue("金额");
            for (int i = 0; i < lines.length; i++) {
                Row r = s.createRow(i + 1);
                for (int j = 0; j < lines[i].length; j++) {
                    Object v = lines[i][j];
                    if (v instanceof Double d) {
                        r.createCell(j).setCellValue(d);
                    } else {
                        r.createCell(j).setCellValue(String.valueOf(v));
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void theWindowClerkRecordsAPaymentOnThePageAndABadAmountIsShownInline() throws Exception {
        String number = accepted();
        String form = mvc.perform(get("/cases/" + number + "/payments").with(page(o.clerk())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Document doc = Jsoup.parse(form);
        assertThat(doc.select("a[href=\"/cases/" + number + "\"]")).isNotEmpty();
        assertThat(doc.select("input[name='lines[0].code']").attr("value")).isEqualTo("DJF");
        assertThat(doc.select("#windowId option[selected]").attr("value")).isEqualTo(Long.toString(c.window5()));
        assertThat(doc.text()).contains("王**").doesNotContain("王小明");

        var redirect = mvc.perform(post("/cases/" + number + "/payments").with(page(o.clerk())).with(csrf())
                        .param("windowId", Long.toString(c.window5())).param("method", "BANK_CARD")
                        .param("lines[0].code", "DJF").param("lines[0].selected", "true").param("lines[0].quantity", "1")
                        .param("lines[1].code", "GBF").param("lines[1].selected", "true").param("lines[1].quantity", "3")
                        .param("lines[2].code", "CHF").param("lines[2].quantity", "1"))
                .andExpect(status().is3xxRedirection()).andReturn();
        assertThat(redirect.getFlashMap().get("flash").toString()).contains("580.00");
        String after = mvc.perform(get("/cases/" + number + "/payments").with(page(o.clerk())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(after).contains("人民币伍佰捌拾元整").contains("证书工本费 × 3");

        String refused = mvc.perform(post("/cases/" + number + "/payments").with(page(o.clerk())).with(csrf())
                        .param("windowId", Long.toString(c.window5())).param("method", "CASH")
                        .param("lines[1].code", "GBF").param("lines[1].selected", "true").param("lines[1].quantity", "0"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(refused).select("#payment-error").text()).contains("数量须为 1 到 999 之间的整数");
        assertThat(paymentsOfCentre()).isEqualTo(1);
        assertThat(jdbc.sql("select total from cas_payment where centre_id = :c").param("c", o.centreId())
                .query(BigDecimal.class).single()).isEqualByComparingTo("580.00");
    }
}
