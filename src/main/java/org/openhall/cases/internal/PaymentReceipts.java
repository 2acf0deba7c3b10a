package org.openhall.cases.internal;

import static org.openhall.shared.pdf.PdfDocuments.mm;

import java.awt.Color;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.openhall.organization.CentreInfo;
import org.openhall.organization.WindowInfo;
import org.openhall.shared.pdf.PdfDocuments;
import org.openhall.shared.pdf.PdfFonts;
import org.openhall.shared.qr.QrCodes;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.Image;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The printed receipt of a payment (收费收据, NoticeKind.FEE_RECEIPT, CASE-8) on A5 landscape: centre, receipt
 * number, case number and item, payer (masked, SEC-2), the fee items with their standard, quantity and amount, the
 * total in figures and in capital numerals (人民币大写), payment method, window, clerk, time in the centre's zone, and
 * a QR code leading to the case's public progress page. Printed in Chinese whatever the screen language, in the CJK
 * font that ships with OpenHall, embedded.
 */
@Component
public class PaymentReceipts {

    static final Color BRAND = new Color(0xB7, 0x1C, 0x1C);
    static final Color INK = new Color(0x1F, 0x29, 0x33);
    static final Color MUTED = new Color(0x61, 0x6E, 0x7C);
    static final Color LINE = new Color(0xBC, 0xCC, 0xDC);
    static final Color HEAD = new Color(0xEE, 0xF2, 0xF7);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final MessageSource messages;
    private final Clock clock;

    PaymentReceipts(MessageSource messages, Clock clock) {
        this.messages = messages;
        this.clock = clock;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, Locale.SIMPLIFIED_CHINESE);
    }

    private static Font font(float size, Color color) {
        Font f = PdfFonts.font(size);
        f.setColor(color);
        return f;
    }

    private static PdfPCell cell(String content, Font font, int align, @Nullable Color background) {
        PdfPCell c = new PdfPCell(new Phrase(content, font));
        c.setHorizontalAlignment(align);
        c.setVerticalAlignment(Element.ALIGN_MIDDLE);
        c.setBorderColor(LINE);
        c.setPaddingTop(3);
        c.setPaddingBottom(5);
        c.setPaddingLeft(4);
        c.setPaddingRight(4);
        if (background != null) {
            c.setBackgroundColor(background);
        }
        return c;
    }

    /** The receipt of a payment about to be saved (its number already taken). */
    public byte[] receipt(Payment p, FeeCase c, CentreInfo centre, WindowInfo window, @Nullable String progressUrl) {
        String title = text("cases.fees.receipt.title") + " " + p.receiptNumber();
        Rectangle a5 = new Rectangle(mm(210), mm(148));
        return PdfDocuments.create(title, a5, mm(12), clock, (document, writer) -> {
            PdfContentByte canvas = writer.getDirectContent();
            float w = a5.getWidth();
            float h = a5.getHeight();
            // heading: centre and 收费收据, the receipt number on the right
            Font heading = PdfFonts.bold(18);
            heading.setColor(BRAND);
            PdfDocuments.drawText(canvas, text("cases.fees.receipt.title"), heading, w / 2, h - mm(16), Element.ALIGN_CENTER);
            PdfDocuments.drawText(canvas, centre.name(), font(10, INK), w / 2, h - mm(22), Element.ALIGN_CENTER);
            PdfDocuments.drawText(canvas, text("cases.fees.receipt.number", p.receiptNumber()), font(9, INK), w - mm(12),
                    h - mm(16), Element.ALIGN_RIGHT);
            PdfDocuments.drawText(canvas, text("cases.fees.receipt.date", p.businessDate().toString()), font(9, MUTED),
                    w - mm(12), h - mm(21), Element.ALIGN_RIGHT);
            canvas.setColorStroke(BRAND);
            canvas.setLineWidth(1.2f);
            canvas.moveTo(mm(12), h - mm(25));
            canvas.lineTo(w - mm(12), h - mm(25));
            canvas.stroke();

            // who and what for
            // the flow starts below the heading drawn above (spacing before the first element of a page is ignored,
            // so an empty table of fixed height holds the place)
            PdfPTable spacer = new PdfPTable(1);
            spacer.setWidthPercentage(100);
            PdfPCell blank = new PdfPCell();
            blank.setBorder(Rectangle.NO_BORDER);
            blank.setFixedHeight(mm(15));
            spacer.addCell(blank);
            document.add(spacer);
            PdfPTable facts = new PdfPTable(new float[] {18, 42, 14, 26});
            facts.setWidthPercentage(100);
            Font label = font(9, MUTED);
            Font value = font(9.5f, INK);
            facts.addCell(cell(text("cases.fees.receipt.case"), label, Element.ALIGN_LEFT, HEAD));
            facts.addCell(cell(c.number(), value, Element.ALIGN_LEFT, null));
            facts.addCell(cell(text("cases.fees.receipt.payer"), label, Element.ALIGN_LEFT, HEAD));
            facts.addCell(cell(p.maskedPayer(), value, Element.ALIGN_LEFT, null));
            facts.addCell(cell(text("cases.fees.receipt.item"), label, Element.ALIGN_LEFT, HEAD));
            PdfPCell item = cell(c.itemName() + "（" + c.itemCode() + "）", value, Element.ALIGN_LEFT, null);
            item.setColspan(3);
            facts.addCell(item);
            document.add(facts);

            // the fee items
            PdfPTable items = new PdfPTable(new float[] {7, 33, 30, 12, 7, 14});
            items.setWidthPercentage(100);
            items.setSpacingBefore(mm(2));
            Font th = PdfFonts.bold(8.5f);
            th.setColor(INK);
            for (String key : new String[] {"cases.fees.receipt.col.no", "cases.fees.receipt.col.fee",
                    "cases.fees.receipt.col.basis", "cases.fees.receipt.col.unit", "cases.fees.receipt.col.quantity",
                    "cases.fees.receipt.col.amount"}) {
                items.addCell(cell(text(key), th, Element.ALIGN_CENTER, HEAD));
            }
            Font td = font(8.5f, INK);
            Font small = font(7.5f, MUTED);
            for (Payment.Line l : p.lines()) {
                items.addCell(cell(String.valueOf(l.lineNo()), td, Element.ALIGN_CENTER, null));
                items.addCell(cell(l.feeName() + "（" + l.feeCode() + "）", td, Element.ALIGN_LEFT, null));
                items.addCell(cell(l.basis() == null ? "" : l.basis(), small, Element.ALIGN_LEFT, null));
                items.addCell(cell(FeeMoney.format(l.unitAmount()), td, Element.ALIGN_RIGHT, null));
                items.addCell(cell(String.valueOf(l.quantity()), td, Element.ALIGN_CENTER, null));
                items.addCell(cell(FeeMoney.format(l.amount()), td, Element.ALIGN_RIGHT, null));
            }
            Font totalFont = PdfFonts.bold(10);
            totalFont.setColor(INK);
            PdfPCell capital = cell(text("cases.fees.receipt.totalCapital", p.totalCapital()), totalFont,
                    Element.ALIGN_LEFT, null);
            capital.setColspan(3);
            items.addCell(capital);
            PdfPCell figures = cell(text("cases.fees.receipt.totalFigures", FeeMoney.format(p.total())), totalFont,
                    Element.ALIGN_RIGHT, null);
            figures.setColspan(3);
            items.addCell(figures);
            document.add(items);

            // how, where, who, when
            PdfPTable how = new PdfPTable(new float[] {14, 20, 12, 18, 12, 24});
            how.setWidthPercentage(72);
            how.setHorizontalAlignment(Element.ALIGN_LEFT);
            how.setSpacingBefore(mm(2));
            how.addCell(cell(text("cases.fees.receipt.method"), label, Element.ALIGN_LEFT, HEAD));
            how.addCell(cell(text("cases.fees.method." + p.method().name()), value, Element.ALIGN_LEFT, null));
            how.addCell(cell(text("cases.fees.receipt.window"), label, Element.ALIGN_LEFT, HEAD));
            how.addCell(cell(text("cases.fees.window.label", window.number()), value, Element.ALIGN_LEFT, null));
            how.addCell(cell(text("cases.fees.receipt.clerk"), label, Element.ALIGN_LEFT, HEAD));
            how.addCell(cell(p.clerkName(), value, Element.ALIGN_LEFT, null));
            how.addCell(cell(text("cases.fees.receipt.time"), label, Element.ALIGN_LEFT, HEAD));
            PdfPCell time = cell(TIME.format(p.paidAt().atZone(centre.zone())) + "（" + centre.zone().getId() + "）",
                    value, Element.ALIGN_LEFT, null);
            time.setColspan(5);
            how.addCell(time);
            document.add(how);

            // QR to the progress page, bottom right, and the footnote
            float qr = mm(24);
            if (progressUrl != null && !progressUrl.isBlank()) {
                Image code = QrCodes.pdfImage(progressUrl, qr);
                code.setAbsolutePosition(w - mm(12) - qr, mm(14));
                canvas.addImage(code);
                PdfDocuments.drawText(canvas, text("cases.fees.receipt.qr"), font(7, MUTED), w - mm(12) - qr / 2, mm(10.5f),
                        Element.ALIGN_CENTER);
            }
            PdfDocuments.drawText(canvas, text("cases.fees.receipt.note"), font(7.5f, MUTED), mm(12), mm(10.5f),
                    Element.ALIGN_LEFT);
        });
    }
}
