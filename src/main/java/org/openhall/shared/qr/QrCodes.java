package org.openhall.shared.qr;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import org.openpdf.text.Image;

/**
 * QR codes for what OpenHall prints and shows — a badge's or window card's link, the code on a 受理回执 that leads
 * to the case's progress, kiosk screens: as a PNG for pages and as an OpenPDF {@link Image} for PDFs (next to text
 * set in the CJK font that ships with OpenHall, see {@link org.openhall.shared.pdf.PdfFonts}).
 *
 * <p>Every code uses error-correction level M (about 15 % of the symbol may be damaged), a quiet zone of one module
 * and UTF-8 content. Pure ASCII text (URLs, numbers) is encoded without an ECI header, byte-for-byte the same as
 * UTF-8, which every scanner reads; other text (Chinese) carries the UTF-8 ECI designator so that scanners do not
 * guess the charset. Uses ZXing (Apache License 2.0).
 */
public final class QrCodes {

    /**
     * Longest content accepted, in UTF-8 bytes. Level M allows 2 331, but a denser symbol is hard to scan from paper
     * or a screen across the counter; links and case numbers need far less.
     */
    public static final int MAX_BYTES = 1024;

    /** Largest PNG produced, in pixels per side. */
    public static final int MAX_SIZE_PX = 4096;

    /** Quiet zone around the symbol, in modules. */
    public static final int MARGIN_MODULES = 1;

    private QrCodes() {
    }

    /**
     * A black-on-white PNG of exactly {@code sizePx × sizePx} pixels holding {@code text}.
     *
     * @throws IllegalArgumentException if {@code text} is blank or longer than {@link #MAX_BYTES} UTF-8 bytes, or
     *         {@code sizePx} is above {@link #MAX_SIZE_PX} or too small to give every module a pixel
     */
    public static byte[] png(String text, int sizePx) {
        if (sizePx > MAX_SIZE_PX) {
            throw new IllegalArgumentException("QR code image too large: " + sizePx + " px (at most " + MAX_SIZE_PX + ")");
        }
        BitMatrix modules = encode(text, 0);
        if (sizePx < modules.getWidth()) {
            throw new IllegalArgumentException("QR code image too small: " + sizePx + " px, this text needs at least "
                    + modules.getWidth() + " px");
        }
        BitMatrix matrix = encode(text, sizePx);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            MatrixToImageWriter.writeToStream(matrix, "PNG", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * {@code text} as a QR code for a PDF, scaled to {@code sizePt × sizePt} points (e.g.
     * {@code PdfDocuments.mm(25)}). The image holds one bit per module, so it stays sharp at any size and adds only a
     * few hundred bytes to the document. Place it with {@link Image#setAbsolutePosition} and
     * {@code writer.getDirectContent().addImage(image)}, or add it to the document flow.
     *
     * @throws IllegalArgumentException if {@code text} is blank or longer than {@link #MAX_BYTES} UTF-8 bytes, or
     *         {@code sizePt} is not positive
     */
    public static Image pdfImage(String text, float sizePt) {
        if (!(sizePt > 0)) {
            throw new IllegalArgumentException("QR code size must be positive: " + sizePt);
        }
        BitMatrix matrix = encode(text, 0);
        int width = matrix.getWidth();
        int height = matrix.getHeight();
        int rowBytes = (width + 7) / 8;
        byte[] bits = new byte[rowBytes * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (!matrix.get(x, y)) { // DeviceGray, 1 bit: 1 = white
                    bits[y * rowBytes + x / 8] |= (byte) (0x80 >>> (x % 8));
                }
            }
        }
        Image image = Image.getInstance(width, height, 1, 1, bits);
        image.setInterpolation(false);
        image.scaleAbsolute(sizePt, sizePt);
        return image;
    }

    private static BitMatrix encode(String text, int sizePx) {
        if (text.isBlank()) {
            throw new IllegalArgumentException("QR code text must not be blank");
        }
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            throw new IllegalArgumentException("QR code text too long: " + bytes + " UTF-8 bytes (at most " + MAX_BYTES + ")");
        }
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M);
        hints.put(EncodeHintType.MARGIN, MARGIN_MODULES);
        if (!isAscii(text)) {
            hints.put(EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name());
        }
        try {
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, sizePx, sizePx, hints);
        } catch (WriterException e) {
            throw new IllegalArgumentException("text cannot be encoded as a QR code: " + e.getMessage(), e);
        }
    }

    private static boolean isAscii(String text) {
        return text.chars().allMatch(c -> c < 0x80);
    }
}
