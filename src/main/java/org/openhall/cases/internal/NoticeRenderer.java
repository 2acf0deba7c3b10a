package org.openhall.cases.internal;

import java.awt.Color;
import java.time.Clock;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openhall.shared.pdf.PdfDocuments;
import org.openhall.shared.pdf.PdfFonts;
import org.openhall.shared.qr.QrCodes;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.Image;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;

import static org.openhall.shared.pdf.PdfDocuments.mm;

/**
 * Lays out a written notice of a case (CASE-2, CASE-2a) on A4: the issuing agency and the title, the case number,
 * a table of facts, the sections of the notice (e.g. every material to correct), and the footer with the handler's
 * name and contact, a QR code leading to the progress query, and the agency's seal over its name and the date — or a
 * "（印章）" box to stamp by hand when the centre has uploaded no seal. All text is set in the embedded CJK font
 * (subsetted, with a ToUnicode map, so the text can be extracted and searched).
 */
public final class NoticeRenderer {

    static final Color INK = new Color(0x1F, 0x29, 0x33);
    static final Color MUTED = new Color(0x61, 0x6E, 0x7C);
    static final Color LINE = new Color(0xB0, 0xB8, 0xC4);
    static final Color BRAND = new Color(0xB7, 0x1C, 0x1C);

    /** A label and its value in the facts table. */
    public record Field(String label, String value) {
    }

    /** A titled section: paragraphs of text, or numbered items when {@code numbered}. */
    public record Section(String heading, List<String> lines, boolean numbered) {

        public Section {
            lines = List.copyOf(lines);
        }
    }

    /**
     * Everything a notice shows. {@code sealCaption} is the placeholder text "（印章）"; {@code qrUrl} the progress link;
     * {@code qrCaption} the text under the code.
     */
    public record Model(String agency, String title, String numberLine, List<Field> fields, List<Section> sections,
            String handlerLine, String contactLine, String qrUrl, String qrCaption, String dateLine,
            byte @Nullable [] seal, String sealCaption) {

        public Model {
            fields = List.copyOf(fields);
            sections = List.copyOf(sections);
        }
    }

    private NoticeRenderer() {
    }

    public static byte[] render(Model m, Clock clock) {
        return PdfDocuments.a4(m.title() + " " + m.numberLine(), clock, (document, writer) -> {
            Font agency = PdfFonts.font(13);
            agency.setColor(MUTED);
            Paragraph a = new Paragraph(m.agency(), agency);
            a.setAlignment(Element.ALIGN_CENTER);
            document.add(a);

            Font title = PdfFonts.bold(22);
            title.setColor(INK);
            Paragraph t = new Paragraph(m.title(), title);
            t.setAlignment(Element.ALIGN_CENTER);
            t.setSpacingBefore(mm(3));
            t.setSpacingAfter(mm(2));
            document.add(t);

            Font number = PdfFonts.font(11);
            number.setColor(INK);
            Paragraph n = new Paragraph(m.numberLine(), number);
            n.setAlignment(Element.ALIGN_RIGHT);
            n.setSpacingAfter(mm(4));
            document.add(n);

            if (!m.fields().isEmpty()) {
                PdfPTable table = new PdfPTable(new float[] {28, 72});
                table.setWidthPercentage(100);
                Font label = PdfFonts.font(10.5f);
                label.setColor(MUTED);
                Font value = PdfFonts.font(11);
                value.setColor(INK);
                for (Field f : m.fields()) {
                    table.addCell(cell(f.label(), label, new Color(0xF3, 0xF5, 0xF8)));
                    table.addCell(cell(f.value().isBlank() ? "—" : f.value(), value, null));
                }
                document.add(table);
            }

            Font heading = PdfFonts.bold(12);
            heading.setColor(INK);
            Font body = PdfFonts.font(11);
            body.setColor(INK);
            for (Section s : m.sections()) {
                Paragraph h = new Paragraph(s.heading(), heading);
                h.setSpacingBefore(mm(5));
                h.setSpacingAfter(mm(1.5f));
                document.add(h);
                int i = 1;
                for (String line : s.lines()) {
                    Paragraph p = new Paragraph(s.numbered() ? (i++) + ". " + line : line, body);
                    p.setLeading(17);
                    p.setIndentationLeft(s.numbered() ? mm(4) : 0);
                    p.setFirstLineIndent(s.numbered() ? 0 : mm(0));
                    p.setSpacingAfter(mm(1));
                    document.add(p);
                }
            }

            // footer: handler and contact | QR code | seal over agency and date
            PdfPTable footer = new PdfPTable(new float[] {42, 22, 36});
            footer.setWidthPercentage(100);
            footer.setSpacingBefore(mm(10));
            footer.setKeepTogether(true);
            Font small = PdfFonts.font(10);
            small.setColor(INK);
            PdfPCell who = new PdfPCell();
            who.setBorder(Rectangle.NO_BORDER);
            who.addElement(new Paragraph(m.handlerLine(), small));
            who.addElement(new Paragraph(m.contactLine(), small));
            who.setVerticalAlignment(Element.ALIGN_BOTTOM);
            footer.addCell(who);

            PdfPCell qr = new PdfPCell();
            qr.setBorder(Rectangle.NO_BORDER);
            Image code = QrCodes.pdfImage(m.qrUrl(), mm(26));
            code.setAlignment(Element.ALIGN_CENTER);
            qr.addElement(code);
            Font caption = PdfFonts.font(8);
            caption.setColor(MUTED);
            Paragraph qc = new Paragraph(m.qrCaption(), caption);
            qc.setAlignment(Element.ALIGN_CENTER);
            qr.addElement(qc);
            footer.addCell(qr);

            PdfPCell seal = new PdfPCell();
            seal.setBorder(Rectangle.NO_BORDER);
            seal.setFixedHeight(mm(42));
            seal.setCellEvent((cell, position, canvases) -> {
                var c = canvases[PdfPTable.TEXTCANVAS];
                float cx = (position.getLeft() + position.getRight()) / 2;
                Font ag = PdfFonts.font(11);
                ag.setColor(INK);
                Font dt = PdfFonts.font(11);
                dt.setColor(INK);
                float base = position.getBottom() + mm(4);
                PdfDocuments.drawText(c, m.dateLine(), dt, cx, base, Element.ALIGN_CENTER);
                PdfDocuments.drawText(c, m.agency(), ag, cx, base + mm(7), Element.ALIGN_CENTER);
                float size = mm(38);
                float sx = cx - size / 2;
                float sy = position.getBottom() + mm(2);
                if (m.seal() != null) {
                    try {
                        PdfDocuments.drawImage(c, m.seal(), sx, sy, size, size);
                        return;
                    } catch (IllegalArgumentException unreadable) {
                        // fall back to the placeholder
                    }
                }
                var g = canvases[PdfPTable.LINECANVAS];
                g.saveState();
                g.setColorStroke(BRAND);
                g.setLineWidth(0.8f);
                g.setLineDash(3, 2, 0);
                g.rectangle(cx - mm(14), position.getBottom() + mm(16), mm(28), mm(20));
                g.stroke();
                g.restoreState();
                Font ph = PdfFonts.font(10);
                ph.setColor(BRAND);
                PdfDocuments.drawText(c, m.sealCaption(), ph, cx, position.getBottom() + mm(25), Element.ALIGN_CENTER);
            });
            footer.addCell(seal);
            document.add(footer);
        });
    }

    private static PdfPCell cell(String text, Font font, @Nullable Color background) {
        PdfPCell c = new PdfPCell(new Phrase(text, font));
        c.setPadding(mm(1.8f));
        c.setBorderColor(LINE);
        c.setBorderWidth(0.5f);
        if (background != null) {
            c.setBackgroundColor(background);
        }
        return c;
    }
}
