package org.openhall.cases.internal;

import static org.openhall.shared.xlsx.SheetCells.bordered;
import static org.openhall.shared.xlsx.SheetCells.cell;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.openhall.organization.OrganizationApi;
import org.openhall.organization.WindowInfo;
import org.openhall.shared.DomainException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The reconciliation as a spreadsheet (CASE-8): the day exported to .xlsx with Apache POI (differences in red, a
 * totals row), and the settlement office's figures imported from .xlsx — one line per window and method:
 * 窗口号 | 支付方式 | 金额 | 备注, below a header line. An import is checked completely before anything is written.
 */
@Component
public class ReconciliationSheets {

    /** The most lines an import may hold (a centre has tens of windows and six methods). */
    public static final int MAX_LINES = 2000;

    private final Reconciliations reconciliations;
    private final OrganizationApi organization;
    private final MessageSource messages;
    private final FeeAccess access;

    ReconciliationSheets(Reconciliations reconciliations, OrganizationApi organization, MessageSource messages,
            FeeAccess access) {
        this.reconciliations = reconciliations;
        this.access = access;
        this.organization = organization;
        this.messages = messages;
    }

    private String text(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    /** The day's reconciliation as an .xlsx workbook. */
    public byte[] export(long centreId, LocalDate date, Locale locale) {
        Reconciliations.Day day = reconciliations.day(centreId, date);
        try (Workbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet(text(locale, "cases.fees.recon.sheet", date.toString()));
            Font bold = wb.createFont();
            bold.setBold(true);
            Font red = wb.createFont();
            red.setBold(true);
            red.setColor(IndexedColors.DARK_RED.getIndex());
            CellStyle title = wb.createCellStyle();
            Font big = wb.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 14);
            title.setFont(big);
            CellStyle head = bordered(wb);
            head.setFont(bold);
            head.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            head.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            CellStyle plain = bordered(wb);
            CellStyle money = bordered(wb);
            money.setDataFormat(wb.createDataFormat().getFormat("#,##0.00"));
            CellStyle moneyRed = bordered(wb);
            moneyRed.cloneStyleFrom(money);
            moneyRed.setFont(red);
            moneyRed.setFillForegroundColor(IndexedColors.ROSE.getIndex());
            moneyRed.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            CellStyle plainRed = bordered(wb);
            plainRed.setFont(red);
            plainRed.setFillForegroundColor(IndexedColors.ROSE.getIndex());
            plainRed.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            CellStyle totalMoney = bordered(wb);
            totalMoney.cloneStyleFrom(money);
            totalMoney.setFont(bold);
            CellStyle totalText = bordered(wb);
            totalText.setFont(bold);

            Row r0 = sheet.createRow(0);
            cell(r0, 0, text(locale, "cases.fees.recon.export.title", day.centreName(), date.toString()), title);
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 10));
            String[] headers = {"cases.fees.recon.window", "cases.fees.recon.windowName", "cases.fees.recon.method",
                    "cases.fees.recon.payments", "cases.fees.recon.paid", "cases.fees.recon.voided",
                    "cases.fees.recon.takings", "cases.fees.recon.settled", "cases.fees.recon.difference",
                    "cases.fees.recon.status", "cases.fees.recon.note"};
            Row hr = sheet.createRow(2);
            for (int i = 0; i < headers.length; i++) {
                cell(hr, i, text(locale, headers[i]), head);
            }
            int r = 3;
            for (Reconciliations.Row line : day.rows()) {
                Row row = sheet.createRow(r++);
                boolean differs = line.differs();
                cell(row, 0, text(locale, "cases.fees.window.label", line.windowNumber()), plain);
                cell(row, 1, line.windowName(), plain);
                cell(row, 2, text(locale, "cases.fees.method." + line.method().name()), plain);
                Cell n = row.createCell(3);
                n.setCellValue(line.payments());
                n.setCellStyle(plain);
                number(row, 4, line.paid(), money);
                number(row, 5, line.voided(), money);
                number(row, 6, line.takings(), money);
                number(row, 7, line.settled(), money);
                number(row, 8, line.difference(), differs ? moneyRed : money);
                cell(row, 9, text(locale, "cases.fees.recon.status." + line.status().name()),
                        line.status() == ReconciliationStatus.MATCHED ? plain : plainRed);
                cell(row, 10, line.note() == null ? "" : line.note(), plain);
            }
            Row total = sheet.createRow(r);
            cell(total, 0, text(locale, "cases.fees.recon.total"), totalText);
            for (int i = 1; i < 6; i++) {
                cell(total, i, "", totalText);
            }
            number(total, 6, day.takings(), totalMoney);
            number(total, 7, day.settled(), totalMoney);
            number(total, 8, day.difference(), day.difference().signum() == 0 ? totalMoney : moneyRed);
            cell(total, 9, text(locale, "cases.fees.recon.status." + day.status().name()),
                    day.status() == ReconciliationStatus.MATCHED ? totalText : plainRed);
            cell(total, 10, "", totalText);
            int[] widths = {12, 20, 12, 8, 14, 14, 14, 14, 14, 10, 30};
            for (int i = 0; i < widths.length; i++) {
                sheet.setColumnWidth(i, widths[i] * 256 + 512);
            }
            sheet.createFreezePane(0, 3);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void number(Row row, int col, @Nullable BigDecimal value, CellStyle style) {
        Cell c = row.createCell(col);
        if (value != null) {
            // the cell holds a double for Excel's arithmetic; every figure here has at most 12 significant digits
            c.setCellValue(value.doubleValue());
        }
        c.setCellStyle(style);
    }

    /**
     * Imports the settlement office's figures of a day from an .xlsx: below the header line, each line holds a window
     * number, a payment method (its code such as CASH or its Chinese or English name) and the amount received, and may
     * hold a note. An unreadable file or a wrong line → 400 naming the line; nothing is written then.
     *
     * @return the number of figures entered
     */
    public int importFigures(long centreId, LocalDate date, InputStream xlsx) {
        access.checkSettle(centreId);
        List<Reconciliations.Entry> entries = new ArrayList<>();
        DataFormatter formatter = new DataFormatter(Locale.ROOT);
        try (Workbook wb = new XSSFWorkbook(xlsx)) {
            Sheet sheet = wb.getNumberOfSheets() == 0 ? null : wb.getSheetAt(0);
            if (sheet == null) {
                throw DomainException.invalid("file", "cases.fees.import.empty");
            }
            for (Row row : sheet) {
                if (row.getRowNum() == 0) {
                    continue;
                }
                String window = string(formatter, row.getCell(0));
                String method = string(formatter, row.getCell(1));
                Cell amountCell = row.getCell(2);
                String note = string(formatter, row.getCell(3));
                if (window.isEmpty() && method.isEmpty() && string(formatter, amountCell).isEmpty()) {
                    continue;
                }
                int line = row.getRowNum() + 1;
                if (entries.size() >= MAX_LINES) {
                    throw DomainException.invalid("file", "cases.fees.import.tooMany", MAX_LINES);
                }
                WindowInfo w = organization.windowByNumber(centreId, window.replace("号窗口", "").replace("号", "").strip())
                        .orElseThrow(() -> DomainException.invalid("file", "cases.fees.import.window", line, window));
                PaymentMethod m = method(method)
                        .orElseThrow(() -> DomainException.invalid("file", "cases.fees.import.method", line, method));
                BigDecimal amount = amount(formatter, amountCell);
                if (amount == null) {
                    throw DomainException.invalid("file", "cases.fees.import.amount", line,
                            string(formatter, amountCell));
                }
                entries.add(new Reconciliations.Entry(w.id(), m, amount, note.isEmpty() ? null : note));
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof DomainException d) {
                throw d;
            }
            throw DomainException.invalid("file", "cases.fees.import.unreadable");
        }
        if (entries.isEmpty()) {
            throw DomainException.invalid("file", "cases.fees.import.empty");
        }
        return reconciliations.enterAll(centreId, date, entries, "SETTLEMENT_IMPORT");
    }

    private static String string(DataFormatter formatter, @Nullable Cell cell) {
        return cell == null ? "" : formatter.formatCellValue(cell).strip();
    }

    /** The amount of a cell: a text cell exactly as written, a number cell to the fen (more decimals are refused). */
    private static @Nullable BigDecimal amount(DataFormatter formatter, @Nullable Cell cell) {
        if (cell == null) {
            return null;
        }
        try {
            BigDecimal value;
            if (cell.getCellType() == CellType.NUMERIC) {
                // a double as Excel stores it; its shortest decimal form is what the user typed
                value = new BigDecimal(Double.toString(cell.getNumericCellValue()));
            } else {
                value = new BigDecimal(formatter.formatCellValue(cell).strip().replace(",", "").replace("¥", ""));
            }
            return FeeMoney.exact(value) == null ? null : value;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private Optional<PaymentMethod> method(String text) {
        for (PaymentMethod m : PaymentMethod.values()) {
            if (m.name().equalsIgnoreCase(text)
                    || text.equals(this.text(Locale.SIMPLIFIED_CHINESE, "cases.fees.method." + m.name()))
                    || text.equalsIgnoreCase(this.text(Locale.ENGLISH, "cases.fees.method." + m.name()))) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
