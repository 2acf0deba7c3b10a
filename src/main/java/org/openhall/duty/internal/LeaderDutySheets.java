package org.openhall.duty.internal;

import static org.openhall.shared.xlsx.SheetCells.bordered;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.openhall.organization.OrganizationApi;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The month's non-compliance list of leaders on duty as .xlsx, for the bulletin (窗口岗位值班制度 七, DUTY-6). */
@Component
public class LeaderDutySheets {

    private final LeaderDuty leaders;
    private final OrganizationApi organization;
    private final MessageSource messages;

    LeaderDutySheets(LeaderDuty leaders, OrganizationApi organization, MessageSource messages) {
        this.leaders = leaders;
        this.organization = organization;
        this.messages = messages;
    }

    private String t(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    public byte[] nonCompliance(long centreId, YearMonth month, Locale locale) {
        List<LeaderDuty.NonCompliance> rows = leaders.nonCompliance(centreId, month);
        String centre = organization.centre(centreId).map(c -> c.name()).orElse("");
        try (Workbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet(t(locale, "duty.leaders.nc.sheet", month.toString()));
            CellStyle title = wb.createCellStyle();
            Font bold = wb.createFont();
            bold.setBold(true);
            bold.setFontHeightInPoints((short) 14);
            title.setFont(bold);
            CellStyle head = bordered(wb);
            Font headFont = wb.createFont();
            headFont.setBold(true);
            head.setFont(headFont);
            CellStyle plain = bordered(wb);
            plain.setWrapText(true);

            Row r0 = sheet.createRow(0);
            r0.createCell(0).setCellValue(t(locale, "duty.leaders.nc.sheetTitle", centre, String.valueOf(month.getYear()),
                    month.getMonthValue()));
            r0.getCell(0).setCellStyle(title);
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 5));
            String[] heads = {"duty.leaders.nc.week", "duty.leaders.nc.deadline", "duty.leaders.nc.department",
                    "duty.leaders.nc.leaders", "duty.leaders.nc.reasons", "duty.leaders.nc.reported"};
            Row hr = sheet.createRow(2);
            for (int i = 0; i < heads.length; i++) {
                hr.createCell(i).setCellValue(t(locale, heads[i]));
                hr.getCell(i).setCellStyle(head);
            }
            int r = 3;
            for (LeaderDuty.NonCompliance nc : rows) {
                Row row = sheet.createRow(r++);
                String[] values = {
                        t(locale, "duty.leaders.weekOf", nc.weekMonday().toString(), nc.weekMonday().plusDays(6).toString()),
                        nc.deadline().toString(), nc.department().name(), nc.leaders(),
                        nc.reasons().stream().map(x -> t(locale, "duty.leaders.reason." + x.name()))
                                .collect(Collectors.joining("；")),
                        nc.reported().stream().map(s -> s.day() + " " + s.leaderName() + " "
                                + t(locale, "duty.leaders.attendance." + s.attendance().name())
                                + (s.late() ? " " + t(locale, "duty.leaders.late") : ""))
                                .collect(Collectors.joining("\n"))};
                for (int i = 0; i < values.length; i++) {
                    row.createCell(i).setCellValue(values[i]);
                    row.getCell(i).setCellStyle(plain);
                }
            }
            if (rows.isEmpty()) {
                sheet.createRow(r).createCell(0).setCellValue(t(locale, "duty.leaders.nc.none"));
            }
            int[] widths = {26, 12, 20, 18, 30, 40};
            for (int i = 0; i < widths.length; i++) {
                sheet.setColumnWidth(i, widths[i] * 256);
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
