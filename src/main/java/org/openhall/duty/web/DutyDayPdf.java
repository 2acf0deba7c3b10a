package org.openhall.duty.web;

import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import java.awt.Color;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.openhall.duty.internal.DutyDays;
import org.openhall.shared.pdf.PdfDocuments;
import org.openhall.shared.pdf.PdfFonts;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A day's record of the supervisor (督导值班记录, DUTY-4, 督导员值班制度 四.5) as an A4 PDF in Chinese with the embedded
 * CJK font, for the centre office's files: checklists, inspections, duty log and handover, as on the read-only page.
 */
@Component
class DutyDayPdf {

    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    private static final Color HEAD = new Color(0xEE, 0xF2, 0xF7);
    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter MDHM = DateTimeFormatter.ofPattern("MM-dd HH:mm");

    private final MessageSource messages;
    private final Clock clock;

    DutyDayPdf(MessageSource messages, Clock clock) {
        this.messages = messages;
        this.clock = clock;
    }

    private String t(String key, Object... args) {
        return messages.getMessage(key, args, key, ZH);
    }

    byte[] render(DutyDays.Day d) {
        String weekday = d.day().getDayOfWeek().getDisplayName(TextStyle.FULL, ZH);
        String title = t("duty.day.record.heading", d.day(), weekday);
        return PdfDocuments.a4(title, clock, (document, writer) -> {
            Paragraph head = new Paragraph(title, PdfFonts.bold(17));
            head.setAlignment(Element.ALIGN_CENTER);
            document.add(head);
            StringBuilder sub = new StringBuilder(d.centreName());
            if (d.supervisorName() != null) {
                sub.append("    ").append(t("duty.day.record.supervisor", d.supervisorName()));
            }
            sub.append("    ").append(t("duty.day.status." + d.status()));
            if (d.submittedAt() != null) {
                sub.append("    ").append(t("duty.day.submit.at", time(d, d.submittedAt(), HM), d.submittedBy()));
                if (d.submittedLate()) {
                    sub.append("（").append(t("duty.day.submit.late")).append("）");
                }
            }
            Paragraph subline = new Paragraph(sub.toString(), PdfFonts.font(10));
            subline.setAlignment(Element.ALIGN_CENTER);
            subline.setSpacingAfter(8);
            document.add(subline);

            checks(document, t("duty.day.opening.title"), d.opening(), d);
            checks(document, t("duty.day.closing.title"), d.closing(), d);

            section(document, t("duty.day.inspection.title"));
            PdfPTable insp = new PdfPTable(new float[] {0.8f, 2.2f, 1.2f, 4f});
            insp.setWidthPercentage(100);
            insp.setHeaderRows(1);
            for (String h : List.of(t("duty.day.inspection.col.time"), t("duty.day.inspection.col.window"),
                    t("duty.day.inspection.col.staff"), t("duty.day.inspection.col.result"))) {
                insp.addCell(headCell(h));
            }
            for (DutyDays.Inspection i : d.inspections()) {
                insp.addCell(cell(time(d, i.inspectedAt(), HM)));
                insp.addCell(cell(t("duty.day.window", i.windowNumber(), i.windowName())));
                insp.addCell(cell(i.staffName()));
                StringBuilder r = new StringBuilder();
                if (i.findings() == 0) {
                    r.append(t("duty.day.inspection.all-ok"));
                }
                for (DutyDays.AspectRow a : i.aspects()) {
                    if (!a.ok()) {
                        r.append(r.isEmpty() ? "" : "\n").append(t("duty.day.aspect." + a.aspect())).append("：")
                                .append(a.note());
                        if (a.findingId() != null) {
                            r.append(t("duty.day.inspection.attendance-finding"));
                        }
                    }
                }
                if (i.note() != null) {
                    r.append(r.isEmpty() ? "" : "\n").append(i.note());
                }
                insp.addCell(cell(r.toString()));
            }
            if (d.inspections().isEmpty()) {
                PdfPCell none = cell(t("duty.day.inspection.none"));
                none.setColspan(4);
                insp.addCell(none);
            }
            document.add(insp);

            section(document, t("duty.day.log.title"));
            PdfPTable log = new PdfPTable(new float[] {1.6f, 5f});
            log.setWidthPercentage(100);
            row(log, t("duty.day.log.attendance"), d.log().attendance());
            row(log, t("duty.day.log.service"), d.log().service());
            row(log, t("duty.day.log.problems"), d.log().problems());
            row(log, t("duty.day.log.business"), d.log().business());
            row(log, t("duty.day.log.incidents"), d.log().incidents());
            document.add(log);

            section(document, t("duty.day.handover.title"));
            DutyDays.Handover h = d.handover();
            if (h == null) {
                document.add(new Paragraph(t("duty.day.handover.none"), PdfFonts.font(10.5f)));
            } else {
                PdfPTable ho = new PdfPTable(new float[] {1.6f, 5f});
                ho.setWidthPercentage(100);
                row(ho, t("duty.day.handover.receiver", h.toDay()), h.toName() + "    "
                        + t("duty.day.handover.at", time(d, h.handedAt(), MDHM)));
                row(ho, t("duty.day.handover.desk-sign"), t(h.deskSign() ? "duty.day.handover.desk-sign.yes"
                        : "duty.day.handover.desk-sign.no"));
                row(ho, t("duty.day.handover.badge"), t(h.badge() ? "duty.day.handover.badge.yes"
                        : "duty.day.handover.badge.no"));
                row(ho, t("duty.day.handover.matters"), h.matters());
                row(ho, t("duty.day.pdf.confirmation"), h.confirmed()
                        ? t("duty.day.handover.confirmed-at", time(d, h.confirmedAt(), MDHM))
                        : t("duty.day.handover.unconfirmed"));
                document.add(ho);
            }
            Paragraph foot = new Paragraph(t("duty.day.pdf.footer"), PdfFonts.font(9));
            foot.setSpacingBefore(14);
            document.add(foot);
        });
    }

    private void checks(Document document, String title, List<DutyDays.Check> checks, DutyDays.Day d) {
        section(document, title);
        PdfPTable table = new PdfPTable(new float[] {4f, 1.3f, 1.3f, 0.8f});
        table.setWidthPercentage(100);
        for (String h : List.of(t("duty.day.pdf.col.item"), t("duty.day.pdf.col.due"), t("duty.day.pdf.col.done"),
                t("duty.day.check.late"))) {
            table.addCell(headCell(h));
        }
        for (DutyDays.Check c : checks) {
            table.addCell(cell(c.label() != null ? c.label() : t("duty.day.item." + c.code())));
            table.addCell(cell(c.due().format(HM)));
            table.addCell(cell(c.ticked() ? time(d, c.tickedAt(), HM) : t("duty.day.check.open")));
            table.addCell(cell(c.late() ? t("duty.day.check.late") : ""));
        }
        document.add(table);
    }

    private static String time(DutyDays.Day d, @Nullable Instant at, DateTimeFormatter f) {
        return at == null ? "" : at.atZone(d.zone()).format(f);
    }

    private static void section(Document document, String title) {
        Paragraph p = new Paragraph(title, PdfFonts.bold(12));
        p.setSpacingBefore(10);
        p.setSpacingAfter(4);
        document.add(p);
    }

    private static void row(PdfPTable table, String label, @Nullable String value) {
        table.addCell(headCell(label));
        table.addCell(cell(value == null ? "-" : value));
    }

    private static PdfPCell headCell(String text) {
        PdfPCell c = cell(text);
        c.setBackgroundColor(HEAD);
        return c;
    }

    private static PdfPCell cell(String text) {
        PdfPCell c = new PdfPCell(new Phrase(text, PdfFonts.font(10)));
        c.setPadding(4);
        return c;
    }
}
