package org.openhall.cases.internal;

import static org.openhall.shared.pdf.PdfDocuments.mm;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jspecify.annotations.Nullable;
import org.openhall.cases.NoticeKind;
import org.openhall.shared.pdf.PdfDocuments;
import org.openhall.shared.pdf.PdfFonts;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The archive package of a case (案卷, CASE-9): one .zip with every notice as issued ({@code notices/}), every
 * uploaded document ({@code documents/}), the payment receipts ({@code receipts/}), the history of every step,
 * suspension, notice, document, payment and void as {@code history.csv} (UTF-8, for Excel with a byte-order mark) and
 * {@code history.pdf} (printable, with the case's summary and its retention), and {@code index.csv} listing each file
 * with its size and SHA-256, so that a copy taken out of the system can be checked. Names inside the zip are ASCII
 * apart from the documents' own file names. Written in Chinese, like the notices.
 */
@Component
public class ArchivePackages {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    static final Color HEAD = new Color(0xEE, 0xF2, 0xF7);
    static final Color LINE = new Color(0xBC, 0xCC, 0xDC);

    private final Archives archives;
    private final Payments payments;
    private final ArchiveTexts texts;
    private final JdbcClient jdbc;
    private final Clock clock;

    ArchivePackages(Archives archives, Payments payments, ArchiveTexts texts, JdbcClient jdbc, Clock clock) {
        this.archives = archives;
        this.payments = payments;
        this.texts = texts;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The archived case the package is made of, data scope checked (before anything is written to the response). */
    public Archives.ArchivedCase open(String number) {
        return archives.get(number);
    }

    private record Filed(String path, long size, String sha256) {
    }

    /** Writes the package of an archived case already opened with {@link #open}. */
    @Transactional(readOnly = true)
    public void write(Archives.ArchivedCase c, OutputStream out) {
        List<Filed> filed = new ArrayList<>();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            int n = 0;
            for (Archives.Notice notice : c.notices()) {
                if (notice.kind() == NoticeKind.FEE_RECEIPT) {
                    continue;
                }
                byte[] pdf = jdbc.sql("select content from cas_notice where id = :id").param("id", notice.id())
                        .query((rs, i) -> rs.getBytes(1)).single();
                String name = "notices/%02d-%s-%s.pdf".formatted(++n, notice.kind().name(),
                        DAY.format(notice.issuedAt().atZone(c.zone()).toLocalDate()));
                filed.add(put(zip, name, pdf));
            }
            for (Payment p : c.payments()) {
                if (p.receiptNoticeId() != null) {
                    filed.add(put(zip, "receipts/" + p.receiptNumber() + ".pdf", payments.receiptContent(p)));
                }
            }
            n = 0;
            for (Archives.Document d : c.documents()) {
                byte[] content = jdbc.sql("select content from cas_document where id = :id").param("id", d.id())
                        .query((rs, i) -> rs.getBytes(1)).single();
                filed.add(put(zip, "documents/%02d-%s".formatted(++n, safeName(d.fileName())), content));
            }
            filed.add(put(zip, "history.csv", historyCsv(c)));
            filed.add(put(zip, "history.pdf", historyPdf(c)));
            StringBuilder index = new StringBuilder("\uFEFFfile,bytes,sha256\r\n");
            for (Filed f : filed) {
                index.append(csv(f.path())).append(',').append(f.size()).append(',').append(f.sha256()).append("\r\n");
            }
            put(zip, "index.csv", index.toString().getBytes(StandardCharsets.UTF_8));
            zip.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Filed put(ZipOutputStream zip, String path, byte[] content) throws IOException {
        ZipEntry entry = new ZipEntry(path);
        zip.putNextEntry(entry);
        zip.write(content);
        zip.closeEntry();
        return new Filed(path, content.length, sha256(content));
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A document's own name without folders or characters that trouble an unzip tool. */
    static String safeName(String fileName) {
        String base = fileName.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        base = base.replaceAll("[\\p{Cntrl}:*?\"<>|]", "_").strip();
        if (base.isEmpty() || base.equals(".") || base.equals("..")) {
            return "document";
        }
        return base.length() > 120 ? base.substring(base.length() - 120) : base;
    }

    private static String time(@Nullable Instant at, ZoneId zone) {
        return at == null ? "" : TIME.format(at.atZone(zone));
    }

    static String csv(@Nullable String value) {
        if (value == null) {
            return "";
        }
        // a leading = + - @ would be read as a formula by a spreadsheet
        String v = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }

    /** The history as CSV: time, what, who, note. */
    public byte[] historyCsv(Archives.ArchivedCase c) {
        StringBuilder s = new StringBuilder("\uFEFF");
        s.append(String.join(",", texts.text(ZH, "cases.archive.history.time"), texts.text(ZH, "cases.archive.history.what"),
                texts.text(ZH, "cases.archive.history.actor"), texts.text(ZH, "cases.archive.history.note"))).append("\r\n");
        for (Archives.Event e : c.history()) {
            s.append(csv(time(e.at(), c.zone()))).append(',').append(csv(texts.describe(e, ZH))).append(',')
                    .append(csv(e.actor())).append(',').append(csv(e.note())).append("\r\n");
        }
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static PdfPCell cell(String text, Font font, @Nullable Color background) {
        PdfPCell c = new PdfPCell(new Phrase(text, font));
        c.setBorderColor(LINE);
        c.setPaddingTop(2);
        c.setPaddingBottom(4);
        c.setPaddingLeft(4);
        c.setPaddingRight(4);
        if (background != null) {
            c.setBackgroundColor(background);
        }
        return c;
    }

    /** The history as a printable A4 PDF with the case's summary on top. */
    public byte[] historyPdf(Archives.ArchivedCase c) {
        String title = texts.text(ZH, "cases.archive.history.title") + " " + c.number();
        return PdfDocuments.create(title, PdfDocuments.A4, mm(15), clock, (document, writer) -> {
            Font h = PdfFonts.bold(16);
            Paragraph head = new Paragraph(texts.text(ZH, "cases.archive.history.title"), h);
            head.setAlignment(Element.ALIGN_CENTER);
            document.add(head);
            Paragraph centre = new Paragraph(c.centreName(), PdfFonts.font(10));
            centre.setAlignment(Element.ALIGN_CENTER);
            centre.setSpacingAfter(mm(4));
            document.add(centre);

            Font label = PdfFonts.font(9);
            label.setColor(new Color(0x61, 0x6E, 0x7C));
            Font value = PdfFonts.font(9.5f);
            PdfPTable summary = new PdfPTable(new float[] {16, 34, 16, 34});
            summary.setWidthPercentage(100);
            String[][] facts = {
                    {"cases.archive.number", c.number()},
                    {"cases.archive.item", c.itemName() + "（" + c.itemCode() + "）"},
                    {"cases.archive.department", c.departmentName()},
                    {"cases.archive.applicant", c.applicantMasked()},
                    {"cases.archive.received", time(c.receivedAt(), c.zone())},
                    {"cases.archive.accepted", time(c.acceptedAt(), c.zone())},
                    {"cases.archive.completed", time(c.completedAt(), c.zone())},
                    {"cases.archive.outcome", texts.text(ZH, "cases.archive.outcome." + c.outcome().name())},
                    {"cases.archive.archived", time(c.archivedAt(), c.zone())},
                    {"cases.archive.retention", texts.text(ZH, "cases.archive.retainUntil", c.retainUntil())}};
            for (String[] f : facts) {
                summary.addCell(cell(texts.text(ZH, f[0]), label, HEAD));
                summary.addCell(cell(f[1], value, null));
            }
            document.add(summary);

            Paragraph sub = new Paragraph(texts.text(ZH, "cases.archive.history"), PdfFonts.bold(12));
            sub.setSpacingBefore(mm(5));
            sub.setSpacingAfter(mm(2));
            document.add(sub);
            PdfPTable events = new PdfPTable(new float[] {20, 40, 14, 26});
            events.setWidthPercentage(100);
            events.setHeaderRows(1);
            Font th = PdfFonts.bold(9);
            for (String key : new String[] {"cases.archive.history.time", "cases.archive.history.what",
                    "cases.archive.history.actor", "cases.archive.history.note"}) {
                events.addCell(cell(texts.text(ZH, key), th, HEAD));
            }
            Font td = PdfFonts.font(8.5f);
            for (Archives.Event e : c.history()) {
                events.addCell(cell(time(e.at(), c.zone()), td, null));
                events.addCell(cell(texts.describe(e, ZH), td, null));
                events.addCell(cell(e.actor() == null ? "" : e.actor(), td, null));
                events.addCell(cell(e.note() == null ? "" : e.note(), td, null));
            }
            document.add(events);
        });
    }
}
