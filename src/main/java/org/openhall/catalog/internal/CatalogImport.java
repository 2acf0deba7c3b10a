package org.openhall.catalog.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.NumberToTextConverter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.openhall.catalog.AssistingDepartment;
import org.openhall.catalog.FeeInfo;
import org.openhall.catalog.ItemData;
import org.openhall.catalog.ItemType;
import org.openhall.catalog.MaterialInfo;
import org.openhall.catalog.MaterialRequirement;
import org.openhall.organization.DepartmentInfo;
import org.openhall.organization.OrganizationApi;
import org.openhall.organization.WindowInfo;
import org.openhall.shared.DomainException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Excel import of service items (CAT-1, CAT-3). The workbook (.xlsx) has three sheets keyed by the item code —
 * 事项 (one row per item), 材料 (one row per material) and 收费 (one row per fee item); the columns are found by
 * their header in the first row, so their order does not matter (see {@link #template()} and
 * docs/catalog-import.md). A new code creates an item, an existing code a new version of it (unless nothing
 * changed). Every row error is reported with its sheet, Excel row number and column; when there is any error
 * nothing is written, and the writing itself is one transaction.
 */
@Service
public class CatalogImport {

    public static final String ITEMS = "事项";
    public static final String MATERIALS = "材料";
    public static final String FEES = "收费";

    // columns of the item sheet; a trailing * marks a required column in the template
    static final String I_CODE = "事项编码";
    static final String I_NAME = "事项名称";
    static final String I_DEPT = "承办部门编码";
    static final String I_TYPE = "事项类型";
    static final String I_STATUTORY = "法定时限";
    static final String I_COMMITTED = "承诺时限";
    static final String I_EXPEDITED = "加急时限";
    static final String I_WINDOWS = "受理窗口";
    static final String I_ASSISTING = "协办部门";
    static final String I_BASIS = "设定依据";
    static final String I_CONDITIONS = "受理条件";
    static final String I_OUTCOME = "办理结果";
    static final String I_PHONE = "咨询电话";
    static final String I_STEPS = "办理流程";
    static final String I_ONLINE = "网上办理";
    static final String I_APPOINTMENT = "预约办理";
    static final String I_GREEN = "绿色通道";
    static final String I_REVIEW = "审核把关";
    static final String I_NOTE = "修订说明";
    static final List<String> ITEM_COLUMNS = List.of(I_CODE, I_NAME, I_DEPT, I_TYPE, I_STATUTORY, I_COMMITTED, I_EXPEDITED,
            I_WINDOWS, I_ASSISTING, I_BASIS, I_CONDITIONS, I_OUTCOME, I_PHONE, I_STEPS, I_ONLINE, I_APPOINTMENT, I_GREEN,
            I_REVIEW, I_NOTE);
    static final List<String> ITEM_REQUIRED = List.of(I_CODE, I_NAME, I_DEPT, I_TYPE, I_STATUTORY, I_COMMITTED);

    static final String M_ITEM = "事项编码";
    static final String M_CODE = "材料编号";
    static final String M_NAME = "材料名称";
    static final String M_REQUIREMENT = "要求";
    static final String M_FORM = "形式";
    static final String M_COPIES = "份数";
    static final String M_NOTES = "填写说明";
    static final List<String> MATERIAL_COLUMNS = List.of(M_ITEM, M_CODE, M_NAME, M_REQUIREMENT, M_FORM, M_COPIES, M_NOTES);
    static final List<String> MATERIAL_REQUIRED = List.of(M_ITEM, M_CODE, M_NAME, M_REQUIREMENT);

    static final String F_ITEM = "事项编码";
    static final String F_CODE = "收费编号";
    static final String F_NAME = "收费项目";
    static final String F_AMOUNT = "金额（元）";
    static final String F_BASIS = "收费依据";
    static final List<String> FEE_COLUMNS = List.of(F_ITEM, F_CODE, F_NAME, F_AMOUNT, F_BASIS);
    static final List<String> FEE_REQUIRED = List.of(F_ITEM, F_CODE, F_NAME, F_AMOUNT);

    private static final Map<String, ItemType> TYPES = Map.of("即办件", ItemType.INSTANT, "承诺件", ItemType.COMMITTED,
            "联办件", ItemType.JOINT, "上报件", ItemType.FORWARDED);
    private static final Map<String, MaterialRequirement> REQUIREMENTS = Map.of("必交", MaterialRequirement.REQUIRED,
            "容缺", MaterialRequirement.DEFERRABLE, "容缺后补", MaterialRequirement.DEFERRABLE,
            "非必交", MaterialRequirement.OPTIONAL, "可选", MaterialRequirement.OPTIONAL);

    /** One error of the file: the sheet, the Excel row number (1 = header), the column header and the message. */
    public record RowError(String sheet, int row, String column, String key, Object... args) {
    }

    public enum Action { NEW, REVISE, UNCHANGED }

    /** What happens (or happened) to one item of the file. */
    public record Line(int row, String code, String name, Action action, int version) {
    }

    public record Report(List<Line> lines, List<RowError> errors, boolean written) {

        public boolean ok() {
            return errors.isEmpty();
        }

        public long count(Action action) {
            return lines.stream().filter(l -> l.action() == action).count();
        }
    }

    private final CatalogService catalog;
    private final CatalogAccess access;
    private final OrganizationApi org;
    private final CatalogProperties properties;
    private final TransactionTemplate tx;

    CatalogImport(CatalogService catalog, CatalogAccess access, OrganizationApi org, CatalogProperties properties,
            TransactionTemplate tx) {
        this.catalog = catalog;
        this.access = access;
        this.org = org;
        this.properties = properties;
        this.tx = tx;
    }

    /** An item as read from the file, with the rows its parts came from. */
    private record Parsed(int row, ItemData data, @Nullable String note, List<Integer> materialRows, List<Integer> feeRows) {
    }

    /**
     * Reads and checks a workbook; with {@code write} and no error at all, saves every item in one transaction.
     */
    public Report run(long centreId, InputStream xlsx, boolean write) {
        access.checkManage(centreId);
        List<RowError> errors = new ArrayList<>();
        List<Parsed> items;
        try (Workbook wb = new XSSFWorkbook(xlsx)) {
            items = parse(centreId, wb, errors);
        } catch (IOException | RuntimeException e) {
            if (e instanceof DomainException d) {
                throw d;
            }
            return new Report(List.of(), List.of(new RowError("", 0, "", "catalog.import.unreadable")), false);
        }
        List<Line> lines = new ArrayList<>();
        for (Parsed p : items) {
            Optional<StoredVersion> existing = catalog.current(centreId, p.data().code());
            List<Violation> violations = catalog.violations(p.data());
            for (Violation v : violations) {
                errors.add(locate(p, v));
            }
            if (existing.isEmpty()) {
                lines.add(new Line(p.row(), p.data().code(), p.data().name(), Action.NEW, 1));
            } else if (!existing.get().active()) {
                errors.add(new RowError(ITEMS, p.row(), I_CODE, "catalog.item.inactive", p.data().code()));
            } else if (sameContent(existing.get().data(), p.data())) {
                lines.add(new Line(p.row(), p.data().code(), p.data().name(), Action.UNCHANGED, existing.get().version()));
            } else {
                lines.add(new Line(p.row(), p.data().code(), p.data().name(), Action.REVISE, existing.get().version() + 1));
            }
        }
        errors.sort(java.util.Comparator.comparing((RowError e) -> sheetOrder(e.sheet())).thenComparingInt(RowError::row));
        if (!errors.isEmpty() || !write) {
            return new Report(lines, errors, false);
        }
        tx.executeWithoutResult(status -> {
            for (Parsed p : items) {
                Optional<StoredVersion> existing = catalog.current(centreId, p.data().code());
                String note = p.note() != null ? p.note() : null;
                if (existing.isEmpty()) {
                    catalog.create(p.data(), note);
                } else if (!sameContent(existing.get().data(), p.data())) {
                    catalog.revise(existing.get().itemId(), p.data(), note);
                }
            }
        });
        return new Report(lines, errors, true);
    }

    private static int sheetOrder(String sheet) {
        return switch (sheet) {
            case ITEMS -> 1;
            case MATERIALS -> 2;
            case FEES -> 3;
            default -> 0;
        };
    }

    /** Compares content as saved: sample files are not part of an import. */
    static boolean sameContent(ItemData stored, ItemData imported) {
        List<FeeInfo> importedFees = imported.fees().stream().map(f -> new FeeInfo(f.code(), f.name(),
                f.amount().stripTrailingZeros().scale() <= 2 ? f.amount().setScale(2) : f.amount(), f.basis())).toList();
        imported = new ItemData(imported.centreId(), imported.code(), imported.name(), imported.departmentId(),
                imported.assisting(), imported.windowIds(), imported.type(), imported.legalBasis(), imported.conditions(),
                imported.outcome(), imported.consultPhone(), imported.steps(), imported.statutoryLimitDays(),
                imported.committedLimitDays(), imported.expeditedLimitDays(), imported.reviewRequired(), importedFees,
                imported.materials(), imported.online(), imported.appointment(), imported.greenChannel());
        List<MaterialInfo> a = stored.materials().stream().map(m -> new MaterialInfo(m.code(), m.name(), m.requirement(),
                m.form(), m.copies(), m.notes(), null)).toList();
        return Objects.equals(new ItemData(stored.centreId(), stored.code(), stored.name(), stored.departmentId(),
                stored.assisting(), stored.windowIds(), stored.type(), stored.legalBasis(), stored.conditions(),
                stored.outcome(), stored.consultPhone(), stored.steps(), stored.statutoryLimitDays(),
                stored.committedLimitDays(), stored.expeditedLimitDays(), stored.reviewRequired(), stored.fees(), a,
                stored.online(), stored.appointment(), stored.greenChannel()), imported);
    }

    /** Where in the file a broken rule of an item lies. */
    private static RowError locate(Parsed p, Violation v) {
        String f = v.field();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(materials|fees)\\[(\\d+)]\\.?(\\w*)").matcher(f);
        if (m.matches()) {
            int index = Integer.parseInt(m.group(2));
            boolean material = m.group(1).equals("materials");
            List<Integer> rows = material ? p.materialRows() : p.feeRows();
            int row = index < rows.size() ? rows.get(index) : p.row();
            String column = material ? switch (m.group(3)) {
                case "code" -> M_CODE;
                case "requirement" -> M_REQUIREMENT;
                case "form" -> M_FORM;
                case "copies" -> M_COPIES;
                case "notes" -> M_NOTES;
                default -> M_NAME;
            } : switch (m.group(3)) {
                case "code" -> F_CODE;
                case "amount" -> F_AMOUNT;
                case "basis" -> F_BASIS;
                default -> F_NAME;
            };
            return new RowError(material ? MATERIALS : FEES, row, column, v.key(), v.args());
        }
        String root = f.replaceAll("[\\[.].*$", "");
        String column = switch (root) {
            case "code" -> I_CODE;
            case "name" -> I_NAME;
            case "departmentId" -> I_DEPT;
            case "type" -> I_TYPE;
            case "statutoryLimitDays" -> I_STATUTORY;
            case "committedLimitDays" -> I_COMMITTED;
            case "expeditedLimitDays" -> I_EXPEDITED;
            case "windowIds" -> I_WINDOWS;
            case "assisting" -> I_ASSISTING;
            case "legalBasis" -> I_BASIS;
            case "conditions" -> I_CONDITIONS;
            case "outcome" -> I_OUTCOME;
            case "consultPhone" -> I_PHONE;
            case "steps" -> I_STEPS;
            case "materials" -> M_NAME;
            case "fees" -> F_NAME;
            default -> I_CODE;
        };
        String sheet = root.equals("materials") ? MATERIALS : root.equals("fees") ? FEES : ITEMS;
        return new RowError(sheet, sheet.equals(ITEMS) ? p.row() : 0, column, v.key(), v.args());
    }

    // ------------------------------------------------------------------ reading

    private final class SheetReader {
        final String name;
        final Sheet sheet;
        final Map<String, Integer> columns = new HashMap<>();
        final DataFormatter format = new DataFormatter(Locale.ROOT);
        final List<RowError> errors;

        SheetReader(String name, Sheet sheet, List<String> known, List<String> required, List<RowError> errors) {
            this.name = name;
            this.sheet = sheet;
            this.errors = errors;
            Row header = sheet.getRow(sheet.getFirstRowNum());
            if (header != null) {
                for (Cell c : header) {
                    String h = format.formatCellValue(c).replace("*", "").replace("＊", "").strip();
                    if (known.contains(h)) {
                        columns.putIfAbsent(h, c.getColumnIndex());
                    }
                }
            }
            for (String r : required) {
                if (!columns.containsKey(r)) {
                    errors.add(new RowError(name, 1, r, "catalog.import.missingColumn", r));
                }
            }
        }

        List<Row> rows() {
            List<Row> out = new ArrayList<>();
            for (int i = sheet.getFirstRowNum() + 1; i <= sheet.getLastRowNum(); i++) {
                Row r = sheet.getRow(i);
                if (r != null && !blank(r)) {
                    out.add(r);
                }
            }
            return out;
        }

        boolean blank(Row r) {
            for (int index : columns.values()) {
                if (!text(r, index).isEmpty()) {
                    return false;
                }
            }
            return true;
        }

        String text(Row r, int index) {
            Cell c = r.getCell(index);
            if (c == null) {
                return "";
            }
            if (c.getCellType() == CellType.NUMERIC
                    || (c.getCellType() == CellType.FORMULA && c.getCachedFormulaResultType() == CellType.NUMERIC)) {
                return NumberToTextConverter.toText(c.getNumericCellValue());
            }
            return format.formatCellValue(c).strip();
        }

        @Nullable String get(Row r, String column) {
            Integer index = columns.get(column);
            if (index == null) {
                return null;
            }
            String s = text(r, index);
            return s.isEmpty() ? null : s;
        }

        String required(Row r, String column) {
            String s = get(r, column);
            if (s == null && columns.containsKey(column)) {
                error(r, column, "catalog.import.required");
            }
            return s == null ? "" : s;
        }

        @Nullable Integer integer(Row r, String column, boolean required) {
            String s = required ? required(r, column) : get(r, column);
            if (s == null || s.isEmpty()) {
                return null;
            }
            try {
                return Integer.valueOf(s.replace("个工作日", "").replace("工作日", "").replace("天", "").strip());
            } catch (NumberFormatException e) {
                error(r, column, "catalog.import.integer", s);
                return null;
            }
        }

        boolean flag(Row r, String column) {
            String s = get(r, column);
            if (s == null) {
                return false;
            }
            return switch (s.toLowerCase(Locale.ROOT)) {
                case "是", "y", "yes", "true", "1", "√", "✓" -> true;
                case "否", "n", "no", "false", "0" -> false;
                default -> {
                    error(r, column, "catalog.import.flag", s);
                    yield false;
                }
            };
        }

        void error(Row r, String column, String key, Object... args) {
            errors.add(new RowError(name, r.getRowNum() + 1, column, key, args));
        }
    }

    private List<Parsed> parse(long centreId, Workbook wb, List<RowError> errors) {
        Sheet itemSheet = wb.getSheet(ITEMS);
        if (itemSheet == null) {
            errors.add(new RowError(ITEMS, 0, "", "catalog.import.missingSheet", ITEMS));
            return List.of();
        }
        SheetReader items = new SheetReader(ITEMS, itemSheet, ITEM_COLUMNS, ITEM_REQUIRED, errors);
        Sheet ms = wb.getSheet(MATERIALS);
        SheetReader materials = ms == null ? null : new SheetReader(MATERIALS, ms, MATERIAL_COLUMNS, MATERIAL_REQUIRED, errors);
        Sheet fs = wb.getSheet(FEES);
        SheetReader fees = fs == null ? null : new SheetReader(FEES, fs, FEE_COLUMNS, FEE_REQUIRED, errors);
        if (!errors.isEmpty()) {
            return List.of();
        }
        int rows = items.rows().size() + (materials == null ? 0 : materials.rows().size())
                + (fees == null ? 0 : fees.rows().size());
        if (rows > properties.importMaxRows()) {
            errors.add(new RowError("", 0, "", "catalog.import.tooManyRows", properties.importMaxRows()));
            return List.of();
        }

        Map<String, DepartmentInfo> departments = new HashMap<>();
        org.departments(centreId).forEach(d -> departments.put(d.code(), d));
        Map<String, WindowInfo> windows = new HashMap<>();
        org.windows(centreId).forEach(w -> windows.put(w.number(), w));

        // materials and fees first, grouped by item code
        Map<String, List<MaterialInfo>> materialsOf = new HashMap<>();
        Map<String, List<Integer>> materialRows = new HashMap<>();
        Map<String, Integer> firstMaterialRow = new LinkedHashMap<>();
        if (materials != null) {
            for (Row r : materials.rows()) {
                String item = materials.required(r, M_ITEM);
                String code = materials.required(r, M_CODE);
                String name = materials.required(r, M_NAME);
                String req = materials.required(r, M_REQUIREMENT);
                MaterialRequirement requirement = requirement(req);
                if (!req.isEmpty() && requirement == null) {
                    materials.error(r, M_REQUIREMENT, "catalog.import.requirement", req);
                }
                Integer copies = materials.integer(r, M_COPIES, false);
                materialsOf.computeIfAbsent(item, k -> new ArrayList<>()).add(new MaterialInfo(code, name,
                        requirement == null ? MaterialRequirement.REQUIRED : requirement, materials.get(r, M_FORM),
                        copies == null ? 1 : copies, materials.get(r, M_NOTES), null));
                materialRows.computeIfAbsent(item, k -> new ArrayList<>()).add(r.getRowNum() + 1);
                firstMaterialRow.putIfAbsent(item, r.getRowNum() + 1);
            }
        }
        Map<String, List<FeeInfo>> feesOf = new HashMap<>();
        Map<String, List<Integer>> feeRows = new HashMap<>();
        Map<String, Integer> firstFeeRow = new LinkedHashMap<>();
        if (fees != null) {
            for (Row r : fees.rows()) {
                String item = fees.required(r, F_ITEM);
                String code = fees.required(r, F_CODE);
                String name = fees.required(r, F_NAME);
                String amountText = fees.required(r, F_AMOUNT);
                BigDecimal amount = null;
                if (!amountText.isEmpty()) {
                    try {
                        amount = new BigDecimal(amountText.replace("元", "").replace(",", "").strip());
                    } catch (NumberFormatException e) {
                        fees.error(r, F_AMOUNT, "catalog.item.fee.amount.format");
                    }
                }
                feesOf.computeIfAbsent(item, k -> new ArrayList<>()).add(new FeeInfo(code, name,
                        amount == null ? BigDecimal.ZERO : amount, fees.get(r, F_BASIS)));
                feeRows.computeIfAbsent(item, k -> new ArrayList<>()).add(r.getRowNum() + 1);
                firstFeeRow.putIfAbsent(item, r.getRowNum() + 1);
            }
        }

        List<Parsed> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Row r : items.rows()) {
            int row = r.getRowNum() + 1;
            int errorsBefore = errors.size();
            String code = items.required(r, I_CODE);
            String name = items.required(r, I_NAME);
            String deptCode = items.required(r, I_DEPT);
            DepartmentInfo dept = departments.get(deptCode);
            if (!deptCode.isEmpty() && dept == null) {
                items.error(r, I_DEPT, "catalog.import.department", deptCode);
            }
            String typeText = items.required(r, I_TYPE);
            ItemType type = type(typeText);
            if (!typeText.isEmpty() && type == null) {
                items.error(r, I_TYPE, "catalog.import.type", typeText);
            }
            Integer statutory = items.integer(r, I_STATUTORY, true);
            Integer committed = items.integer(r, I_COMMITTED, true);
            Integer expedited = items.integer(r, I_EXPEDITED, false);
            List<Long> windowIds = new ArrayList<>();
            for (String number : split(items.get(r, I_WINDOWS))) {
                WindowInfo w = windows.get(number.replace("号窗口", "").replace("号", ""));
                if (w == null) {
                    items.error(r, I_WINDOWS, "catalog.import.window", number);
                } else {
                    windowIds.add(w.id());
                }
            }
            List<AssistingDepartment> assisting = new ArrayList<>();
            for (String part : split(items.get(r, I_ASSISTING))) {
                String[] kv = part.split("[:：]", 2);
                DepartmentInfo a = departments.get(kv[0].strip());
                Integer limit = null;
                if (kv.length == 2) {
                    try {
                        limit = Integer.valueOf(kv[1].strip());
                    } catch (NumberFormatException e) {
                        limit = null;
                    }
                }
                if (a == null || limit == null) {
                    items.error(r, I_ASSISTING, "catalog.import.assisting", part);
                } else {
                    assisting.add(new AssistingDepartment(a.id(), limit));
                }
            }
            String steps = items.get(r, I_STEPS);
            List<String> stepList = steps == null ? List.of()
                    : Arrays.stream(steps.split("\\R|[；;]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
            boolean online = items.flag(r, I_ONLINE);
            boolean appointment = items.flag(r, I_APPOINTMENT);
            boolean green = items.flag(r, I_GREEN);
            boolean review = items.flag(r, I_REVIEW);
            if (!code.isEmpty() && seen.containsKey(code)) {
                items.error(r, I_CODE, "catalog.import.duplicateItem", code, seen.get(code));
            }
            if (!code.isEmpty()) {
                seen.putIfAbsent(code, row);
            }
            if (errors.size() > errorsBefore || dept == null || type == null || statutory == null || committed == null) {
                continue;
            }
            ItemData data = new ItemData(centreId, code, name, dept.id(), assisting, windowIds, type, items.get(r, I_BASIS),
                    items.get(r, I_CONDITIONS), items.get(r, I_OUTCOME), items.get(r, I_PHONE), stepList, statutory,
                    committed, expedited, review, feesOf.getOrDefault(code, List.of()),
                    materialsOf.getOrDefault(code, List.of()), online, appointment, green);
            out.add(new Parsed(row, data, items.get(r, I_NOTE), materialRows.getOrDefault(code, List.of()),
                    feeRows.getOrDefault(code, List.of())));
        }
        firstMaterialRow.forEach((code, row) -> {
            if (!seen.containsKey(code)) {
                errors.add(new RowError(MATERIALS, row, M_ITEM, "catalog.import.unknownItem", code));
            }
        });
        firstFeeRow.forEach((code, row) -> {
            if (!seen.containsKey(code)) {
                errors.add(new RowError(FEES, row, F_ITEM, "catalog.import.unknownItem", code));
            }
        });
        return out;
    }

    private static List<String> split(@Nullable String s) {
        if (s == null) {
            return List.of();
        }
        return Arrays.stream(s.split("[、,，;；\\s]+")).map(String::strip).filter(x -> !x.isEmpty()).toList();
    }

    static @Nullable ItemType type(String s) {
        ItemType t = TYPES.get(s.strip());
        if (t != null) {
            return t;
        }
        try {
            return ItemType.valueOf(s.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static @Nullable MaterialRequirement requirement(String s) {
        MaterialRequirement r = REQUIREMENTS.get(s.strip());
        if (r != null) {
            return r;
        }
        try {
            return MaterialRequirement.valueOf(s.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    // ------------------------------------------------------------------ template

    /** The downloadable template: the three sheets with their headers, one example item, and a sheet of notes. */
    public byte[] template() {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle head = wb.createCellStyle();
            Font bold = wb.createFont();
            bold.setBold(true);
            head.setFont(bold);
            head.setFillForegroundColor(IndexedColors.PALE_BLUE.getIndex());
            head.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            CellStyle wrap = wb.createCellStyle();
            wrap.setWrapText(true);

            Sheet items = sheet(wb, ITEMS, ITEM_COLUMNS, ITEM_REQUIRED, head);
            row(items, 1, wrap, "SB-001", "社会保障卡补换", "LDSB", "即办件", "5", "0", "", "14", "",
                    "《中华人民共和国社会保险法》第五十八条；《社会保障卡管理办法》",
                    "社会保障卡遗失、损坏需要补换的参保人员", "新社会保障卡（即时制卡）", "0797-5212345",
                    "窗口受理并核验身份\n挂失原卡\n即时制卡并发放", "否", "是", "否", "否", "");
            list(wb, items, 3, "即办件,承诺件,联办件,上报件");
            for (int c : new int[] {14, 15, 16, 17}) {
                list(wb, items, c, "是,否");
            }
            Sheet materials = sheet(wb, MATERIALS, MATERIAL_COLUMNS, MATERIAL_REQUIRED, head);
            row(materials, 1, wrap, "SB-001", "M01", "居民身份证", "必交", "原件", "1", "核验后当场退还");
            row(materials, 2, wrap, "SB-001", "M02", "社会保障卡补换申请表", "必交", "原件", "1", "本人签字；代办须填写代办人信息");
            row(materials, 3, wrap, "SB-001", "M03", "代办人身份证", "非必交", "原件", "1", "委托他人办理时提供");
            list(wb, materials, 3, "必交,容缺,非必交");
            Sheet fees = sheet(wb, FEES, FEE_COLUMNS, FEE_REQUIRED, head);
            row(fees, 1, wrap, "SB-001", "F01", "社会保障卡补换工本费", "10.00", "按省发展改革委核定的社会保障卡工本费标准收取");

            Sheet notes = wb.createSheet("说明");
            String[] lines = {
                    "事项目录导入模板（OpenHall）",
                    "1. 三张表以“事项编码”关联：事项表每个事项一行；材料表每项材料一行；收费表每个收费项目一行。不收费的事项在收费表中不填。",
                    "2. 表头带 * 的列必须填写；列的顺序可以调整，但表头文字不能改。",
                    "3. 事项类型：即办件、承诺件、联办件、上报件。即办件的承诺时限填0；承诺时限不得超过法定时限。时限均为工作日。",
                    "4. 承办部门、协办部门填写部门编码；协办部门写成“部门编码:时限”，多个用顿号分隔，例如“JY:5、YB:3”（仅联办件）。",
                    "5. 受理窗口填写窗口号，多个用顿号分隔，例如“13、14”。办理流程每行一步（或用分号分隔）。",
                    "6. 材料要求：必交、容缺（可容缺受理、后补）、非必交。金额以元为单位，最多两位小数。",
                    "7. 是否网上办理、预约办理、绿色通道、审核把关：填“是”或“否”，不填视为“否”。",
                    "8. 事项编码已存在的，导入后生成该事项的新版本（内容无变化的不生成）；新编码生成新事项。",
                    "9. 先点“检查”：列出每一处错误（表、行号、列）；有任何错误时不会写入任何数据。"};
            for (int i = 0; i < lines.length; i++) {
                notes.createRow(i).createCell(0).setCellValue(lines[i]);
            }
            notes.setColumnWidth(0, 120 * 256);
            wb.setActiveSheet(0);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Sheet sheet(Workbook wb, String name, List<String> columns, List<String> required, CellStyle head) {
        Sheet s = wb.createSheet(name);
        Row r = s.createRow(0);
        for (int i = 0; i < columns.size(); i++) {
            Cell c = r.createCell(i);
            c.setCellValue(columns.get(i) + (required.contains(columns.get(i)) ? "*" : ""));
            c.setCellStyle(head);
            s.setColumnWidth(i, Math.max(12, columns.get(i).length() * 3 + 4) * 256);
        }
        s.createFreezePane(0, 1);
        return s;
    }

    private static void row(Sheet s, int index, CellStyle wrap, String... values) {
        Row r = s.createRow(index);
        for (int i = 0; i < values.length; i++) {
            Cell c = r.createCell(i);
            c.setCellValue(values[i]);
            c.setCellStyle(wrap);
        }
    }

    private static void list(Workbook wb, Sheet s, int column, String values) {
        DataValidationHelper h = s.getDataValidationHelper();
        var constraint = h.createExplicitListConstraint(values.split(","));
        var validation = h.createValidation(constraint, new CellRangeAddressList(1, 1000, column, column));
        validation.setShowErrorBox(true);
        s.addValidationData(validation);
    }
}
