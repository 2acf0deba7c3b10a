package org.openhall.shared.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.openpdf.text.Font;
import org.openpdf.text.pdf.BaseFont;

/**
 * The CJK font of every PDF OpenHall prints (badges, window cards, 受理回执, 一次性告知单).
 *
 * <p>The font ships with OpenHall: WenQuanYi Micro Hei 0.2.0-beta (文泉驿微米黑), Apache License 2.0, committed as
 * {@value #RESOURCE} together with its licence text ({@code fonts/LICENSE-wqy-microhei.txt}). It is never looked up
 * on the machine, so a PDF looks the same on every server. The file is read once from the classpath as bytes (so it
 * works from inside the packaged Spring Boot jar) into a single {@link BaseFont} with the {@code Identity-H} encoding,
 * embedded and subsetted: a PDF carries only the glyphs it uses (a one-page badge stays in the tens of kilobytes).
 * The same file is served to browsers as {@code /fonts/openhall-cjk.ttf} ({@code font-family: "OpenHall CJK"} in
 * {@code /css/fonts.css}).
 *
 * <p>Thread-safe: the shared {@link BaseFont} is not changed after loading (callers must not change its settings
 * either), and each document keeps its own record of the glyphs it used. {@link Font} objects are cheap; make them
 * per document.
 *
 * <p>The face has no bold or italic cut. {@link #bold(float)} and {@link Font#BOLD} are rendered by OpenPDF as
 * simulated bold (the glyph outline filled and stroked with a line of 1/30 of the font size), {@link Font#ITALIC}
 * as a skew; extracted text is unaffected.
 */
public final class PdfFonts {

    /** Classpath location of the bundled font file. */
    public static final String RESOURCE = "fonts/wqy-microhei.ttf";

    private PdfFonts() {
    }

    /** The embedded, subsetted Identity-H CJK font, loaded on first use and shared afterwards. */
    public static BaseFont cjk() {
        return Holder.FONT;
    }

    /** The CJK font at {@code size} points, regular, black. */
    public static Font font(float size) {
        return font(size, Font.NORMAL);
    }

    /**
     * The CJK font at {@code size} points with {@code style} ({@link Font#NORMAL}, {@link Font#BOLD},
     * {@link Font#ITALIC}, {@link Font#UNDERLINE}, combinations with {@code |}); bold and italic are simulated.
     */
    public static Font font(float size, int style) {
        if (!(size > 0)) {
            throw new IllegalArgumentException("font size must be positive: " + size);
        }
        return new Font(cjk(), size, style);
    }

    /** The CJK font at {@code size} points in (simulated) bold. */
    public static Font bold(float size) {
        return font(size, Font.BOLD);
    }

    /** Width of {@code text} in points at {@code size} points. */
    public static float width(String text, float size) {
        return cjk().getWidthPoint(text, size);
    }

    /**
     * The largest size, at most {@code maxSize}, at which {@code text} fits in {@code maxWidth} points: for names and
     * unit names of any length on a badge or card. Never below {@code minSize}: past that the caller must wrap.
     */
    public static float sizeToFit(String text, float maxWidth, float maxSize, float minSize) {
        if (!(minSize > 0) || minSize > maxSize || !(maxWidth > 0)) {
            throw new IllegalArgumentException("need 0 < minSize <= maxSize and maxWidth > 0");
        }
        float atOne = width(text, 1f);
        if (atOne <= 0) {
            return maxSize;
        }
        return Math.max(minSize, Math.min(maxSize, maxWidth / atOne));
    }

    /** Whether the bundled font has a glyph for every character of {@code text} (else a blank is printed). */
    public static boolean canDisplay(String text) {
        BaseFont font = cjk();
        return text.codePoints().allMatch(cp -> Character.isWhitespace(cp) || font.charExists(cp));
    }

    private static final class Holder {
        static final BaseFont FONT = load();

        private static BaseFont load() {
            byte[] bytes;
            try (InputStream in = PdfFonts.class.getClassLoader().getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("bundled font missing from the classpath: " + RESOURCE);
                }
                bytes = in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read bundled font " + RESOURCE, e);
            }
            try {
                // the name only tells OpenPDF the format (.ttf); the glyphs come from the bytes
                BaseFont font = BaseFont.createFont("wqy-microhei.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED,
                        false, bytes, null);
                font.setSubset(true);
                return font;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot load bundled font " + RESOURCE, e);
            }
        }
    }
}
