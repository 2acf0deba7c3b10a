package org.openhall.shared.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.util.GregorianCalendar;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.Image;
import org.openpdf.text.PageSize;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.Utilities;
import org.openpdf.text.pdf.ColumnText;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfDate;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfString;
import org.openpdf.text.pdf.PdfWriter;

/**
 * Creates the PDFs OpenHall prints — staff badges and window cards, later 受理回执 and 一次性告知单 — into a
 * {@code byte[]}: PDF 1.7 with the same metadata everywhere — title (shown by viewers instead of the file name), author
 * and creator "OpenHall", language {@code zh-CN}, and creation and modification dates taken from the {@link Clock} handed
 * in (never from the system clock, so tests are repeatable).
 *
 * <p>Text is set with {@link PdfFonts}, whose CJK font (WenQuanYi Micro Hei, Apache License 2.0) ships with OpenHall
 * and is embedded, subsetted, in every document. Typical use:
 *
 * <pre>{@code
 * byte[] pdf = PdfDocuments.create("工作牌 张三", PdfDocuments.sizeMm(90, 120), PdfDocuments.mm(6), clock, (document, writer) -> {
 *     PdfContentByte canvas = writer.getDirectContent();
 *     PdfDocuments.drawImage(canvas, photoJpeg, PdfDocuments.mm(25), PdfDocuments.mm(55), PdfDocuments.mm(40), PdfDocuments.mm(50));
 *     PdfDocuments.drawText(canvas, "张三", PdfFonts.bold(20), PdfDocuments.mm(45), PdfDocuments.mm(40), Element.ALIGN_CENTER);
 *     document.add(new Paragraph("社会保险服务中心", PdfFonts.font(12)));
 * });
 * }</pre>
 *
 * <p>Coordinates on the canvas are in PDF points (1/72 inch) from the bottom-left corner of the page; {@link #mm}
 * converts millimetres. Errors from OpenPDF surface as its unchecked {@code DocumentException}.
 */
public final class PdfDocuments {

    /** The author written into every document. */
    public static final String AUTHOR = "OpenHall";

    /** A4 portrait, 210 × 297 mm. */
    public static final Rectangle A4 = PageSize.A4;

    /** Default page margin of {@link #a4}: 20 mm. */
    public static final float DEFAULT_MARGIN = mm(20);

    private PdfDocuments() {
    }

    /** Writes the content of a document that is already open; {@code writer.getDirectContent()} draws freely. */
    @FunctionalInterface
    public interface Content {
        void write(Document document, PdfWriter writer) throws IOException;
    }

    /** An A4 portrait document with 20 mm margins. */
    public static byte[] a4(String title, Clock clock, Content content) {
        return create(title, A4, DEFAULT_MARGIN, clock, content);
    }

    /**
     * A document of {@code pageSize} with the same {@code margin} (points) on all sides; the content may add further
     * pages with {@link Document#newPage()} (they keep the size).
     */
    public static byte[] create(String title, Rectangle pageSize, float margin, Clock clock, Content content) {
        if (title.isBlank()) {
            throw new IllegalArgumentException("a PDF needs a title");
        }
        if (margin < 0 || 2 * margin >= Math.min(pageSize.getWidth(), pageSize.getHeight())) {
            throw new IllegalArgumentException("margin does not fit the page: " + margin);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
        Document document = new Document(new Rectangle(pageSize), margin, margin, margin, margin);
        PdfWriter writer = PdfWriter.getInstance(document, out);
        // PDF 1.7 (ISO 32000-1) rather than OpenPDF's default 2.0: read by every viewer and printer in a hall office
        writer.setPdfVersion(PdfWriter.VERSION_1_7);
        writer.setViewerPreferences(PdfWriter.DisplayDocTitle);
        writer.getExtraCatalog().put(PdfName.LANG, new PdfString("zh-CN"));
        PdfDate created = new PdfDate(GregorianCalendar.from(clock.instant().atZone(clock.getZone())));
        document.addTitle(title);
        document.addAuthor(AUTHOR);
        document.addCreator(AUTHOR);
        document.addModificationDate(created);
        document.open();
        // Document.addCreationDate(PdfDate) ignores its argument in OpenPDF 3.0.5 and stamps the system time
        writer.getInfo().put(PdfName.CREATIONDATE, created);
        try {
            content.write(document, writer);
        } catch (IOException | RuntimeException e) {
            try {
                document.close();
            } catch (RuntimeException closing) {
                e.addSuppressed(closing);
            }
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("cannot write PDF \"" + title + "\": " + e.getMessage(), e);
        }
        document.close();
        return out.toByteArray();
    }

    /** Millimetres to PDF points. */
    public static float mm(float millimetres) {
        return Utilities.millimetersToPoints(millimetres);
    }

    /** A page size given in millimetres (e.g. a badge, 90 × 120 mm). */
    public static Rectangle sizeMm(float widthMm, float heightMm) {
        if (!(widthMm > 0) || !(heightMm > 0)) {
            throw new IllegalArgumentException("page size must be positive");
        }
        return new Rectangle(mm(widthMm), mm(heightMm));
    }

    /**
     * A PNG or JPEG image scaled, keeping its proportions, to fit a box of {@code maxWidth × maxHeight} points — to
     * add to the document flow ({@code document.add(image)}) or to place with {@link Image#setAbsolutePosition}.
     *
     * @throws IllegalArgumentException if the bytes are not a readable PNG or JPEG image
     */
    public static Image image(byte[] pngOrJpeg, float maxWidth, float maxHeight) {
        if (!(maxWidth > 0) || !(maxHeight > 0)) {
            throw new IllegalArgumentException("image box must be positive");
        }
        if (!isPng(pngOrJpeg) && !isJpeg(pngOrJpeg)) {
            throw new IllegalArgumentException("not a PNG or JPEG image");
        }
        Image image;
        try {
            image = Image.getInstance(pngOrJpeg);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("unreadable image: " + e.getMessage(), e);
        }
        image.scaleToFit(maxWidth, maxHeight);
        return image;
    }

    /**
     * Draws a PNG or JPEG image scaled to fit the box whose bottom-left corner is ({@code x}, {@code y}), keeping its
     * proportions and centring it in the box.
     *
     * @return the image as placed
     * @throws IllegalArgumentException if the bytes are not a readable PNG or JPEG image
     */
    public static Image drawImage(PdfContentByte canvas, byte[] pngOrJpeg, float x, float y, float width,
            float height) {
        Image image = image(pngOrJpeg, width, height);
        image.setAbsolutePosition(x + (width - image.getScaledWidth()) / 2, y + (height - image.getScaledHeight()) / 2);
        canvas.addImage(image);
        return image;
    }

    /**
     * Draws one line of text at ({@code x}, {@code y}) (the baseline), aligned by {@code alignment}
     * ({@link Element#ALIGN_LEFT}, {@link Element#ALIGN_CENTER} or {@link Element#ALIGN_RIGHT}) on {@code x}.
     */
    public static void drawText(PdfContentByte canvas, String text, Font font, float x, float y,
            int alignment) {
        ColumnText.showTextAligned(canvas, alignment, new Phrase(text, font), x, y, 0);
    }

    private static boolean isPng(byte[] b) {
        return b.length > 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
    }

    private static boolean isJpeg(byte[] b) {
        return b.length > 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF;
    }
}
