package org.openhall.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhall.catalog.internal.CatalogImport;
import org.openhall.organization.OrgFixture;
import org.openhall.organization.OrganizationCommands;
import org.openhall.security.UserAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** CAT-1, CAT-3: Excel import from the template; any row error writes nothing; existing codes get a new version. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CatalogImportTests {

    @Autowired
    CatalogImport importer;

    @Autowired
    CatalogCommands commands;

    @Autowired
    CatalogApi catalog;

    @Autowired
    OrganizationCommands org;

    @Autowired
    UserAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MessageSource messages;

    OrgFixture.Org o;

    @BeforeEach
    void setUp() {
        o = OrgFixture.create(org, accounts);
    }

    long versions() {
        return jdbc.sql("select count(*) from cat_item_version").query(Long.class).single();
    }

    /** The downloadable template with its example rows replaced by the given ones (null cells stay empty). */
    byte[] workbook(List<String[]> items, List<String[]> materials, List<String[]> fees) throws Exception {
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(importer.template()))) {
            fill(wb.getSheet("事项"), items);
            fill(wb.getSheet("材料"), materials);
            fill(wb.getSheet("收费"), fees);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        }
    }

    static void fill(Sheet s, List<String[]> rows) {
        for (int i = s.getLastRowNum(); i >= 1; i--) {
            Row r = s.getRow(i);
            if (r != null) {
                s.removeRow(r);
            }
        }
        for (int i = 0; i < rows.size(); i++) {
            Row r = s.createRow(i + 1);
            for (int c = 0; c < rows.get(i).length; c++) {
                if (rows.get(i)[c] != null) {
                    r.createCell(c).setCellValue(rows.get(i)[c]);
                }
            }
        }
    }

    // columns: 事项编码 名称 部门 类型 法定 承诺 加急 窗口 协办 依据 条件 结果 电话 流程 网办 预约 绿色 审核 说明
    static String[] item(String code, String name, String dept, String type, String statutory, String committed,
            String assisting) {
        return new String[] {code, name, dept, type, statutory, committed, null, "5", assisting,
                "《中华人民共和国社会保险法》", "参保人员", "办结通知", "0797-5212351", "受理\n审核\n办结", "是", "否", "否", "否", null};
    }

    @Test
    void aGoodFileCreatesNewItemsAndNewVersionsOfExistingOnes() throws Exception {
        ItemVersion existing = CatalogFixture.committed(commands, o);
        String a = CatalogFixture.code();
        String b = CatalogFixture.code();
        byte[] file = workbook(
                List.of(item(a, "基本医疗保险参保信息变更", "YB", "即办件", "5", "0", null),
                        item(b, "失业保险金申领", "YB", "联办件", "20", "10", "JY:5"),
                        item(existing.code(), "门诊慢特病待遇认定", "YB", "承诺件", "20", "8", null)),
                List.of(new String[] {a, "M01", "居民身份证", "必交", "原件", "1", "核验后退还"},
                        new String[] {b, "M01", "居民身份证", "必交", "原件", "1", null},
                        new String[] {b, "M02", "解除劳动合同证明", "容缺", "复印件", "1", "可后补"},
                        new String[] {existing.code(), "M01", "居民身份证或社会保障卡", "必交", "原件", "1", null}),
                List.<String[]>of(new String[] {existing.code(), "F01", "病历资料复印工本费", "12.5", "物价部门核定"}));

        long before = versions();
        CatalogImport.Report check = importer.run(o.centreId(), new ByteArrayInputStream(file), false);
        assertThat(check.errors()).isEmpty();
        assertThat(check.written()).isFalse();
        assertThat(check.lines()).extracting(CatalogImport.Line::action).containsExactly(CatalogImport.Action.NEW,
                CatalogImport.Action.NEW, CatalogImport.Action.REVISE);
        assertThat(versions()).as("a check writes nothing").isEqualTo(before);

        CatalogImport.Report done = importer.run(o.centreId(), new ByteArrayInputStream(file), true);
        assertThat(done.written()).isTrue();
        assertThat(versions()).isEqualTo(before + 3);
        ItemVersion joint = catalog.currentItem(o.centreId(), b).orElseThrow();
        assertThat(joint.type()).isEqualTo(ItemType.JOINT);
        assertThat(joint.assisting()).containsExactly(new AssistingDepartment(o.employment(), 5));
        assertThat(joint.materials()).extracting(MaterialInfo::requirement).containsExactly(MaterialRequirement.REQUIRED,
                MaterialRequirement.DEFERRABLE);
        assertThat(joint.steps()).containsExactly("受理", "审核", "办结");
        assertThat(joint.windowIds()).containsExactly(o.windowId());
        assertThat(joint.online()).isTrue();
        ItemVersion revised = catalog.currentItem(o.centreId(), existing.code()).orElseThrow();
        assertThat(revised.version()).isEqualTo(2);
        assertThat(revised.committedLimitDays()).isEqualTo(8);
        assertThat(revised.fee("F01").orElseThrow().amount()).isEqualByComparingTo("12.50");
        assertThat(catalog.version(existing.versionId()).orElseThrow().committedLimitDays()).isEqualTo(10);

        // the same file again changes nothing
        CatalogImport.Report again = importer.run(o.centreId(), new ByteArrayInputStream(file), true);
        assertThat(again.lines()).extracting(CatalogImport.Line::action).containsOnly(CatalogImport.Action.UNCHANGED);
        assertThat(versions()).isEqualTo(before + 3);
    }

    @Test
    void aFileWithErrorsListsEveryOneAndWritesNothing() throws Exception {
        String a = CatalogFixture.code();
        String b = CatalogFixture.code();
        String c = CatalogFixture.code();
        byte[] file = workbook(
                List.of(item(a, "工伤认定申请", "YB", "承诺件", "60", "70", null),
                        item(b, "就业登记", "NOPE", "即办件", "5", "0", null),
                        item(c, "退休审批", "YB", "批件", "二十", "10", null),
                        item(a, "重复的事项", "YB", "承诺件", "20", "10", null)),
                List.of(new String[] {a, "M01", "居民身份证", "必交", "原件", "1", null},
                        new String[] {a, "M01", "工伤认定申请表", "必交", "原件", "1", null},
                        new String[] {"NO-SUCH", "M01", "身份证", "必交", "原件", "1", null}),
                List.<String[]>of(new String[] {a, "F01", "鉴定费", "10.005", null}));
        long before = versions();
        long items = jdbc.sql("select count(*) from cat_item").query(Long.class).single();

        CatalogImport.Report report = importer.run(o.centreId(), new ByteArrayInputStream(file), true);
        assertThat(report.written()).isFalse();
        assertThat(versions()).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from cat_item").query(Long.class).single()).isEqualTo(items);

        List<String> lines = report.errors().stream().map(e -> e.sheet() + "!" + e.row() + " " + e.column() + ": "
                + messages.getMessage(e.key(), e.args(), Locale.SIMPLIFIED_CHINESE)).toList();
        assertThat(lines).containsExactly(
                "事项!2 承诺时限: 承诺时限（70个工作日）不能超过法定时限（60个工作日）",
                "事项!3 承办部门编码: 部门编码“NOPE”不属于本中心",
                "事项!4 事项类型: 事项类型“批件”无效，应为即办件、承诺件、联办件或上报件",
                "事项!4 法定时限: “二十”不是整数",
                "事项!5 事项编码: 事项编码“" + a + "”在第2行已出现",
                "材料!3 材料编号: 材料编号“M01”重复",
                "材料!4 事项编码: 事项编码“NO-SUCH”不在事项表中",
                "收费!2 金额（元）: 收费金额最多保留两位小数（元）");
    }

    @Test
    void theTemplateHasTheThreeSheetsAndTheirHeaders() throws Exception {
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(importer.template()))) {
            assertThat(wb.getSheetAt(0).getSheetName()).isEqualTo("事项");
            assertThat(wb.getSheet("事项").getRow(0).getCell(0).getStringCellValue()).isEqualTo("事项编码*");
            assertThat(wb.getSheet("材料").getRow(0).getCell(3).getStringCellValue()).isEqualTo("要求*");
            assertThat(wb.getSheet("收费").getRow(0).getCell(3).getStringCellValue()).isEqualTo("金额（元）*");
            assertThat(wb.getSheet("说明").getRow(1).getCell(0).getStringCellValue()).contains("事项编码");
        }
    }
}
