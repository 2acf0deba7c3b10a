package org.openhall.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openhall.catalog.AssistingDepartment;
import org.openhall.catalog.CatalogCommands;
import org.openhall.catalog.FeeInfo;
import org.openhall.catalog.ItemData;
import org.openhall.catalog.ItemType;
import org.openhall.catalog.ItemVersion;
import org.openhall.catalog.MaterialInfo;
import org.openhall.catalog.MaterialRequirement;
import org.openhall.organization.DepartmentInfo;
import org.openhall.organization.OrganizationApi;
import org.openhall.organization.WindowInfo;
import org.openhall.shared.pdf.PdfDocuments;
import org.openhall.shared.pdf.PdfFonts;
import org.openpdf.text.Element;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;

/**
 * The demo catalogue (CAT-1): the service items of 清溪县社会保险服务中心 from the table in
 * {@code demo/catalog-items.txt} (see its header for the columns), loaded through {@link CatalogCommands}; every
 * application form (a material whose name ends in 表) gets a generated sample PDF (样表).
 */
final class DemoCatalog {

    static final String RESOURCE = "/demo/catalog-items.txt";

    private static final Map<String, String> MATERIALS = Map.of(
            "@ID", "居民身份证或社会保障卡/R/原件/1/核验后当场退还",
            "@AGENT", "代办人身份证及授权委托书/O/原件/1/委托他人办理时提供",
            "@BANK", "本人社会保障卡（金融账户）或银行卡/R/复印件/1/用于待遇发放，须为本人账户",
            "@PHOTO", "近期免冠彩色证件照/R/电子或纸质/1/白底，窗口可现场免费采集",
            "@LICENSE", "营业执照或事业单位法人证书/R/复印件/1/加盖单位公章",
            "@DEATH", "死亡证明或火化证明/R/原件及复印件/1/医疗机构或公安机关出具",
            "@HUKOU", "户口簿/R/原件/1/核验后当场退还",
            "@CONTRACT", "劳动合同/R/复印件/1/");

    private static final Map<ItemType, List<String>> STEPS = Map.of(
            ItemType.INSTANT, List.of("窗口受理并核验材料", "系统办理", "当场办结"),
            ItemType.COMMITTED, List.of("窗口受理", "业务审核", "审批", "办结并告知申请人"),
            ItemType.JOINT, List.of("窗口受理", "协办部门出具意见", "承办部门审核", "办结并告知申请人"),
            ItemType.FORWARDED, List.of("窗口受理", "初审", "报上级机关审批", "送达结果"));

    private static final Map<String, ItemType> TYPES = Map.of("即办件", ItemType.INSTANT, "承诺件", ItemType.COMMITTED,
            "联办件", ItemType.JOINT, "上报件", ItemType.FORWARDED);

    private DemoCatalog() {
    }

    /** The item lines of the table, without comments. */
    static List<String[]> rows() {
        try (InputStream in = DemoCatalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + RESOURCE);
            }
            List<String[]> rows = new ArrayList<>();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    rows.add(line.split("\\|", -1));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void load(CatalogCommands catalog, OrganizationApi org, Clock clock) {
        long centre = org.centreByCode(DemoCentre.CODE).orElseThrow().id();
        Map<String, Long> departments = new HashMap<>();
        for (DepartmentInfo d : org.departments(centre)) {
            departments.put(d.code(), d.id());
        }
        Map<String, Long> windows = new HashMap<>();
        for (WindowInfo w : org.windows(centre)) {
            windows.put(w.number(), w.id());
        }
        for (String[] f : rows()) {
            ItemType type = TYPES.get(f[3]);
            List<Long> windowIds = names(f[7]).stream().map(n -> id(windows, n)).toList();
            List<AssistingDepartment> assisting = names(f[8]).stream().map(a -> {
                String[] kv = a.split(":");
                return new AssistingDepartment(id(departments, kv[0]), Integer.parseInt(kv[1]));
            }).toList();
            List<String> steps = f[13].isBlank() ? STEPS.get(type) : list(f[13]);
            List<MaterialInfo> materials = new ArrayList<>();
            for (String m : list(f[14])) {
                String[] p = MATERIALS.getOrDefault(m, m).split("/", -1);
                materials.add(new MaterialInfo("M%02d".formatted(materials.size() + 1), p[0], requirement(p[1]),
                        p.length > 2 ? blank(p[2]) : null, p.length > 3 && !p[3].isBlank() ? Integer.parseInt(p[3]) : 1,
                        p.length > 4 ? blank(p[4]) : null, null));
            }
            List<FeeInfo> fees = list(f[15]).stream().map(x -> {
                String[] p = x.split(":", 4);
                return new FeeInfo(p[0], p[1], new BigDecimal(p[2]), p.length > 3 ? p[3] : null);
            }).toList();
            String flags = f[9];
            ItemVersion item = catalog.createItem(new ItemData(centre, f[0], f[1], id(departments, f[2]), assisting,
                    windowIds, type, f[10], f[11], f[12], phone(f[2]), steps, Integer.parseInt(f[4]), Integer.parseInt(f[5]),
                    f[6].isBlank() ? null : Integer.valueOf(f[6]), flags.contains("R"), fees, materials,
                    flags.contains("O"), flags.contains("A"), flags.contains("G")));
            for (MaterialInfo m : item.materials()) {
                if (m.name().endsWith("表")) {
                    catalog.attachSample(item.itemId(), m.code(), m.name() + "（样表）.pdf", samplePdf(f[1], m, clock));
                }
            }
        }
    }

    /** The department's phone, as DemoCentre gives it. */
    static String phone(String departmentCode) {
        for (int d = 0; d < DemoCentre.DEPARTMENTS.size(); d++) {
            if (DemoCentre.DEPARTMENTS.get(d).code().equals(departmentCode)) {
                return "0797-52123" + "%02d".formatted(50 + d);
            }
        }
        return "0797-5212345";
    }

    /** A filled-in sample of an application form, marked 样表. */
    static byte[] samplePdf(String itemName, MaterialInfo form, Clock clock) {
        return PdfDocuments.a4(form.name() + "（样表）", clock, (document, writer) -> {
            Paragraph title = new Paragraph(form.name(), PdfFonts.bold(18));
            title.setAlignment(Element.ALIGN_CENTER);
            document.add(title);
            Paragraph sub = new Paragraph("样表 · " + itemName, PdfFonts.font(11));
            sub.setAlignment(Element.ALIGN_CENTER);
            sub.setSpacingAfter(14);
            document.add(sub);
            PdfPTable t = new PdfPTable(new float[] {1f, 2f, 1f, 2f});
            t.setWidthPercentage(100);
            String[][] cells = {{"姓名", "张三", "性别", "男"}, {"公民身份号码", "36073519800101XXXX", "联系电话", "139XXXX0000"},
                    {"户籍地址", "清溪县人民路88号", "现居住地", "清溪县人民路88号"},
                    {"申请事项", itemName, "申请日期", "2026年1月5日"}};
            for (String[] row : cells) {
                for (int i = 0; i < row.length; i++) {
                    PdfPCell c = new PdfPCell(new Phrase(row[i], i % 2 == 0 ? PdfFonts.bold(10.5f) : PdfFonts.font(10.5f)));
                    c.setPadding(6);
                    t.addCell(c);
                }
            }
            document.add(t);
            Paragraph notes = new Paragraph("填写说明：" + (form.notes() == null ? "请用黑色签字笔如实填写，字迹清楚。" : form.notes()),
                    PdfFonts.font(10.5f));
            notes.setSpacingBefore(12);
            document.add(notes);
            document.add(new Paragraph("申请人签字：张三（样）        年  月  日", PdfFonts.font(10.5f)));
        });
    }

    private static MaterialRequirement requirement(String s) {
        return switch (s) {
            case "R" -> MaterialRequirement.REQUIRED;
            case "D" -> MaterialRequirement.DEFERRABLE;
            case "O" -> MaterialRequirement.OPTIONAL;
            default -> throw new IllegalArgumentException("requirement " + s);
        };
    }

    private static long id(Map<String, Long> ids, String key) {
        Long id = ids.get(key.strip());
        if (id == null) {
            throw new IllegalStateException("demo catalogue refers to unknown " + key);
        }
        return id;
    }

    /** Entries separated by ；(steps, materials, fees). */
    private static List<String> list(String s) {
        return Arrays.stream(s.split("；")).map(String::strip).filter(x -> !x.isEmpty()).toList();
    }

    /** Window numbers and department codes separated by 、. */
    private static List<String> names(String s) {
        return Arrays.stream(s.split("、")).map(String::strip).filter(x -> !x.isEmpty()).toList();
    }

    private static @org.jspecify.annotations.Nullable String blank(String s) {
        return s.isBlank() ? null : s.strip();
    }
}
