package org.openhall.catalog.web;

import java.awt.Color;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.openhall.catalog.FeeInfo;
import org.openhall.catalog.ItemData;
import org.openhall.catalog.ItemType;
import org.openhall.catalog.MaterialInfo;
import org.openhall.shared.pdf.PdfDocuments;
import org.openhall.shared.pdf.PdfFonts;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The guide of an item (办事指南, CAT-2) as an A4 PDF in Chinese with the embedded CJK font: the same content as the
 * printable page, for applicants who take it home or a centre that posts it on its notice board.
 */
@Component
class GuidePdf {

    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    private static final Color HEAD = new Color(0xEE, 0xF2, 0xF7);

    private final MessageSource messages;
    private final Clock clock;

    GuidePdf(MessageSource messages, Clock clock) {
        this.messages = messages;
        this.clock = clock;
    }

    private String t(String key, Object... args) {
        return messages.getMessage(key, args, key, ZH);
    }

    byte[] render(Guide g) {
        ItemData d = g.data();
        String title = t("catalog.guide.pdfTitle", d.name());
        return PdfDocuments.a4(title, clock, (document, writer) -> {
            Paragraph head = new Paragraph(t("catalog.guide.heading", d.name()), PdfFonts.bold(18));
            head.setAlignment(Element.ALIGN_CENTER);
            document.add(head);
            Paragraph sub = new Paragraph(t("catalog.guide.subline", g.centre().name(), d.code(), g.item().version()),
                    PdfFonts.font(10));
            sub.setAlignment(Element.ALIGN_CENTER);
            sub.setSpacingAfter(10);
            document.add(sub);

            section(document, t("catalog.guide.basics"));
            PdfPTable basics = new PdfPTable(new float[] {1.2f, 3f});
            basics.setWidthPercentage(100);
            row(basics, t("catalog.field.department"), g.department().name());
            if (!g.assisting().isEmpty()) {
                row(basics, t("catalog.field.assisting"), String.join("；", g.assisting().stream()
                        .map(a -> t("catalog.guide.assistingLimit", a.name(), a.limitDays())).toList()));
            }
            row(basics, t("catalog.field.windows"), g.windows().isEmpty() ? t("catalog.guide.none")
                    : String.join("；", g.windows().stream().map(w -> t("catalog.guide.window", w.number(), w.name())
                            + (w.location() == null ? "" : "（" + w.location() + "）")).toList()));
            row(basics, t("catalog.field.type"), t("catalog.type." + d.type()));
            row(basics, t("catalog.field.statutory"), t("catalog.days", d.statutoryLimitDays()));
            row(basics, t("catalog.field.committed"), d.type() == ItemType.INSTANT ? t("catalog.instantDone")
                    : t("catalog.days", d.committedLimitDays()));
            if (d.expeditedLimitDays() != null) {
                row(basics, t("catalog.field.expedited"), t("catalog.days", d.expeditedLimitDays()));
            }
            row(basics, t("catalog.field.channels"), t("catalog.guide.channels", yesNo(d.online()), yesNo(d.appointment()),
                    yesNo(d.greenChannel())));
            row(basics, t("catalog.field.outcome"), text(d.outcome()));
            row(basics, t("catalog.field.consultPhone"), text(d.consultPhone()));
            document.add(basics);

            section(document, t("catalog.field.legalBasis"));
            document.add(new Paragraph(text(d.legalBasis()), PdfFonts.font(10.5f)));
            section(document, t("catalog.field.conditions"));
            document.add(new Paragraph(text(d.conditions()), PdfFonts.font(10.5f)));

            section(document, t("catalog.guide.materials"));
            if (d.materials().isEmpty()) {
                document.add(new Paragraph(t("catalog.guide.noMaterials"), PdfFonts.font(10.5f)));
            } else {
                PdfPTable m = new PdfPTable(new float[] {0.5f, 3f, 1f, 1f, 0.6f, 2.6f});
                m.setWidthPercentage(100);
                m.setHeaderRows(1);
                for (String h : List.of(t("catalog.material.no"), t("catalog.material.name"), t("catalog.material.requirement"),
                        t("catalog.material.form"), t("catalog.material.copies"), t("catalog.material.notes"))) {
                    m.addCell(headCell(h));
                }
                int i = 1;
                for (MaterialInfo x : d.materials()) {
                    m.addCell(cell(Integer.toString(i++)));
                    m.addCell(cell(x.name()));
                    m.addCell(cell(t("catalog.requirement." + x.requirement())));
                    m.addCell(cell(text(x.form())));
                    m.addCell(cell(Integer.toString(x.copies())));
                    m.addCell(cell(x.notes() == null ? "" : x.notes()));
                }
                document.add(m);
            }

            section(document, t("catalog.guide.steps"));
            int n = 1;
            for (String s : d.steps()) {
                document.add(new Paragraph(n++ + ". " + s, PdfFonts.font(10.5f)));
            }

            section(document, t("catalog.guide.fees"));
            if (d.fees().isEmpty() || g.free()) {
                document.add(new Paragraph(t("catalog.guide.free"), PdfFonts.font(10.5f)));
            } else {
                PdfPTable f = new PdfPTable(new float[] {2.5f, 1f, 3f});
                f.setWidthPercentage(100);
                f.addCell(headCell(t("catalog.fee.name")));
                f.addCell(headCell(t("catalog.fee.amount")));
                f.addCell(headCell(t("catalog.fee.basis")));
                for (FeeInfo x : d.fees()) {
                    f.addCell(cell(x.name()));
                    f.addCell(cell(t("catalog.yuan", x.amount().toPlainString())));
                    f.addCell(cell(x.basis() == null ? "" : x.basis()));
                }
                document.add(f);
            }
            Paragraph foot = new Paragraph(t("catalog.guide.footer"), PdfFonts.font(9));
            foot.setSpacingBefore(14);
            document.add(foot);
        });
    }

    private String yesNo(boolean b) {
        return t(b ? "catalog.yes" : "catalog.no");
    }

    private String text(@Nullable String s) {
        return s == null || s.isBlank() ? t("catalog.guide.none") : s;
    }

    private static void section(Document document, String title) {
        Paragraph p = new Paragraph(title, PdfFonts.bold(12.5f));
        p.setSpacingBefore(10);
        p.setSpacingAfter(4);
        document.add(p);
    }

    private static void row(PdfPTable table, String label, String value) {
        table.addCell(headCell(label));
        table.addCell(cell(value));
    }

    private static PdfPCell headCell(String s) {
        PdfPCell c = cell(s, PdfFonts.bold(10));
        c.setBackgroundColor(HEAD);
        return c;
    }

    private static PdfPCell cell(String s) {
        return cell(s, PdfFonts.font(10));
    }

    private static PdfPCell cell(String s, Font font) {
        PdfPCell c = new PdfPCell(new Phrase(s, font));
        c.setPadding(4);
        c.setBorderColor(new Color(0xBC, 0xCC, 0xDC));
        return c;
    }
}
