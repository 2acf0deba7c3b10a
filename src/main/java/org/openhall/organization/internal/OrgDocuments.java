package org.openhall.organization.internal;

import java.awt.Color;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.openhall.shared.pdf.PdfDocuments;
import org.openhall.shared.pdf.PdfFonts;
import org.openhall.shared.qr.QrCodes;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.Image;
import org.openpdf.text.pdf.PdfContentByte;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

import static org.openhall.shared.pdf.PdfDocuments.mm;

/**
 * ORG-3: the printable staff badge (工作牌: unit, name, staff number, position, photo) on a CR80 card of
 * 85.6 × 54 mm, and the window card (窗口牌: number, name, department, A/B staff with photos, services)
 * on A4 landscape. Text is set in the CJK font that ships with OpenHall, embedded in the PDF.
 */
@Service
public class OrgDocuments {

    static final Color BRAND = new Color(0xB7, 0x1C, 0x1C);
    static final Color INK = new Color(0x1F, 0x29, 0x33);
    static final Color MUTED = new Color(0x61, 0x6E, 0x7C);
    static final Color LINE = new Color(0xD9, 0xE2, 0xEC);
    static final Color PLACEHOLDER = new Color(0xEE, 0xF2, 0xF7);

    private final StaffRegistry staff;
    private final Windows windows;
    private final Centres centres;
    private final Departments departments;
    private final MessageSource messages;
    private final Clock clock;

    OrgDocuments(StaffRegistry staff, Windows windows, Centres centres, Departments departments, MessageSource messages,
            Clock clock) {
        this.staff = staff;
        this.windows = windows;
        this.centres = centres;
        this.departments = departments;
        this.messages = messages;
        this.clock = clock;
    }

    /** Badges and window cards hang in a Chinese hall: they are printed in Chinese whatever the screen language. */
    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, Locale.SIMPLIFIED_CHINESE);
    }

    /** The badge of a staff member the current user may see. */
    public byte[] badge(long staffId) {
        Staff s = staff.get(staffId);
        Centre centre = centres.get(s.centreId());
        Department dept = departments.get(s.departmentId());
        Optional<Photo> photo = staff.photo(s);
        float w = mm(85.6f);
        float h = mm(54f);
        return PdfDocuments.create(text("org.badge.title") + " " + s.name(), PdfDocuments.sizeMm(85.6f, 54f), 0, clock,
                (document, writer) -> {
                    PdfContentByte c = writer.getDirectContent();
                    // top band with the centre's name
                    float band = mm(11);
                    fill(c, BRAND, 0, h - band, w, band);
                    float unitSize = PdfFonts.sizeToFit(centre.name(), w - mm(8), 11, 6);
                    Font unit = PdfFonts.bold(unitSize);
                    unit.setColor(Color.WHITE);
                    PdfDocuments.drawText(c, centre.name(), unit, w / 2, h - band + (band - unitSize * 0.8f) / 2,
                            Element.ALIGN_CENTER);
                    // photo, 3:4
                    float px = mm(5);
                    float pw = mm(22);
                    float ph = mm(29.3f);
                    float py = mm(7.5f);
                    photoBox(c, photo.map(Photo::content).orElse(null), px, py, pw, ph);
                    // name, number, position, unit
                    float tx = px + pw + mm(5);
                    float tw = w - tx - mm(4);
                    float nameSize = PdfFonts.sizeToFit(s.name(), tw, 20, 10);
                    Font name = PdfFonts.bold(nameSize);
                    name.setColor(INK);
                    PdfDocuments.drawText(c, s.name(), name, tx, py + ph - nameSize, Element.ALIGN_LEFT);
                    line(c, tx, py + ph - nameSize - mm(2.5f), tw);
                    float y = py + ph - nameSize - mm(7.5f);
                    for (String[] row : List.of(
                            new String[] {text("org.staff.number"), s.staffNumber()},
                            new String[] {text("org.staff.position"), s.position() == null ? "" : s.position()},
                            new String[] {text("org.badge.unit"), dept.name()})) {
                        labelled(c, row[0], row[1], tx, y, tw, 8.5f);
                        y -= mm(5.2f);
                    }
                    // bottom rule
                    fill(c, BRAND, 0, 0, w, mm(2.2f));
                });
    }

    /** The window card of a window the current user may see; the QR code leads to the public staff board. */
    public byte[] windowCard(long windowId, @Nullable String publicUrl) {
        Windows.Listed l = windows.get(windowId);
        ServiceWindow win = l.window();
        Centre centre = centres.get(win.centreId());
        Optional<Photo> photoA = staff.find(win.postAStaffId()).flatMap(staff::photo);
        Optional<Photo> photoB = staff.find(win.postBStaffId()).flatMap(staff::photo);
        String label = text("org.window.label", win.number());
        return PdfDocuments.create(label + " " + win.name(), PdfDocuments.sizeMm(297, 210), 0, clock, (document, writer) -> {
            PdfContentByte c = writer.getDirectContent();
            float w = mm(297);
            float h = mm(210);
            float m = mm(14);
            // header: centre and department
            float band = mm(22);
            fill(c, BRAND, 0, h - band, w, band);
            Font head = PdfFonts.bold(PdfFonts.sizeToFit(centre.name(), w - 2 * m, 22, 10));
            head.setColor(Color.WHITE);
            PdfDocuments.drawText(c, centre.name(), head, m, h - band + mm(8), Element.ALIGN_LEFT);
            Font typeFont = PdfFonts.font(16);
            typeFont.setColor(Color.WHITE);
            PdfDocuments.drawText(c, text("org.window.type." + win.type()) + " · " + l.departmentName(), typeFont,
                    w - m, h - band + mm(8.5f), Element.ALIGN_RIGHT);
            // number and name
            Font number = PdfFonts.bold(64);
            number.setColor(BRAND);
            PdfDocuments.drawText(c, label, number, m, h - band - mm(30), Element.ALIGN_LEFT);
            float labelWidth = PdfFonts.width(label, 64);
            float nameSize = PdfFonts.sizeToFit(win.name(), w - 2 * m - labelWidth - mm(10), 40, 14);
            Font name = PdfFonts.bold(nameSize);
            name.setColor(INK);
            PdfDocuments.drawText(c, win.name(), name, m + labelWidth + mm(10), h - band - mm(30), Element.ALIGN_LEFT);
            line(c, m, h - band - mm(37), w - 2 * m);
            // the two posts, with photos
            float top = h - band - mm(45);
            float cardW = (w - 2 * m - mm(10)) / 2;
            float cardH = mm(62);
            post(c, text("org.window.postA"), l.postAName(), l.postANumber(), photoA.map(Photo::content).orElse(null),
                    m, top - cardH, cardW, cardH);
            post(c, text("org.window.postB"), l.postBName(), l.postBNumber(), photoB.map(Photo::content).orElse(null),
                    m + cardW + mm(10), top - cardH, cardW, cardH);
            // services
            float sy = top - cardH - mm(10);
            Font svcTitle = PdfFonts.bold(14);
            svcTitle.setColor(MUTED);
            PdfDocuments.drawText(c, text("org.card.services"), svcTitle, m, sy, Element.ALIGN_LEFT);
            Font svc = PdfFonts.font(18);
            svc.setColor(INK);
            float qr = mm(28);
            float maxWidth = w - 2 * m - (publicUrl == null ? 0 : qr + mm(10));
            float y = sy - mm(10);
            outer:
            for (String service : win.services()) {
                for (String lineText : wrap("• " + service, svc.getSize(), maxWidth)) {
                    if (y < mm(10)) {
                        break outer;
                    }
                    PdfDocuments.drawText(c, lineText, svc, m, y, Element.ALIGN_LEFT);
                    y -= mm(9);
                }
            }
            if (publicUrl != null) {
                Image code = QrCodes.pdfImage(publicUrl, qr);
                code.setAbsolutePosition(w - m - qr, mm(13));
                c.addImage(code);
                Font caption = PdfFonts.font(9);
                caption.setColor(MUTED);
                PdfDocuments.drawText(c, text("org.card.qr"), caption, w - m - qr / 2, mm(8.5f), Element.ALIGN_CENTER);
            }
            fill(c, BRAND, 0, 0, w, mm(3));
        });
    }

    private void post(PdfContentByte c, String title, String name, String number, byte @Nullable [] photo, float x, float y,
            float width, float height) {
        c.saveState();
        c.setColorStroke(LINE);
        c.setLineWidth(1f);
        c.roundRectangle(x, y, width, height, mm(3));
        c.stroke();
        c.restoreState();
        float pw = mm(40);
        float ph = mm(53.3f);
        float py = y + (height - ph) / 2;
        photoBox(c, photo, x + mm(5), py, pw, ph);
        float tx = x + mm(5) + pw + mm(8);
        Font t = PdfFonts.bold(16);
        t.setColor(BRAND);
        PdfDocuments.drawText(c, title, t, tx, y + height - mm(14), Element.ALIGN_LEFT);
        float size = PdfFonts.sizeToFit(name, x + width - tx - mm(5), 34, 14);
        Font n = PdfFonts.bold(size);
        n.setColor(INK);
        PdfDocuments.drawText(c, name, n, tx, y + height / 2 - mm(4), Element.ALIGN_LEFT);
        Font num = PdfFonts.font(13);
        num.setColor(MUTED);
        PdfDocuments.drawText(c, text("org.staff.number") + " " + number, num, tx, y + mm(12), Element.ALIGN_LEFT);
    }

    private static void photoBox(PdfContentByte c, byte @Nullable [] photo, float x, float y, float w, float h) {
        if (photo != null) {
            try {
                fill(c, PLACEHOLDER, x, y, w, h);
                PdfDocuments.drawImage(c, photo, x, y, w, h);
                return;
            } catch (IllegalArgumentException unreadable) {
                // fall through to the empty frame
            }
        }
        fill(c, PLACEHOLDER, x, y, w, h);
        c.saveState();
        c.setColorStroke(LINE);
        c.rectangle(x, y, w, h);
        c.stroke();
        c.restoreState();
    }

    private static void labelled(PdfContentByte c, String label, String value, float x, float y, float width, float size) {
        Font l = PdfFonts.font(size);
        l.setColor(MUTED);
        PdfDocuments.drawText(c, label, l, x, y, Element.ALIGN_LEFT);
        float lw = Math.max(PdfFonts.width(label, size) + mm(2), mm(10));
        float vs = PdfFonts.sizeToFit(value.isEmpty() ? " " : value, width - lw, size + 1, 5);
        Font v = PdfFonts.font(vs);
        v.setColor(INK);
        PdfDocuments.drawText(c, value, v, x + lw, y, Element.ALIGN_LEFT);
    }

    private static void fill(PdfContentByte c, Color color, float x, float y, float w, float h) {
        c.saveState();
        c.setColorFill(color);
        c.rectangle(x, y, w, h);
        c.fill();
        c.restoreState();
    }

    private static void line(PdfContentByte c, float x, float y, float w) {
        c.saveState();
        c.setColorStroke(LINE);
        c.setLineWidth(0.8f);
        c.moveTo(x, y);
        c.lineTo(x + w, y);
        c.stroke();
        c.restoreState();
    }

    /** Breaks text into lines no wider than {@code maxWidth} at the given size (CJK text breaks anywhere). */
    static List<String> wrap(String text, float size, float maxWidth) {
        List<String> lines = new java.util.ArrayList<>();
        StringBuilder current = new StringBuilder();
        text.codePoints().forEach(cp -> {
            String next = current + new String(Character.toChars(cp));
            if (PdfFonts.width(next, size) > maxWidth && !current.isEmpty()) {
                lines.add(current.toString().strip());
                current.setLength(0);
            }
            current.appendCodePoint(cp);
        });
        if (!current.toString().isBlank()) {
            lines.add(current.toString().strip());
        }
        return lines;
    }
}
