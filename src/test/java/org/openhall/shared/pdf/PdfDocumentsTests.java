package org.openhall.shared.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.openhall.shared.qr.QrCodes;
import org.openpdf.text.Element;
import org.openpdf.text.Image;
import org.openpdf.text.Paragraph;
import org.openpdf.text.pdf.PdfContentByte;

/** A badge-like page and an A4 notice with Chinese text, a photo and a QR code, read back with PDFBox. */
class PdfDocumentsTests {

    static final String LINE = "社会保险服务中心 工作牌 张三丰 窗口 3 号";
    static final String QR_TEXT = "https://hall.example.cn/s/A0315";
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T01:30:00Z"), ZoneId.of("Asia/Shanghai"));
    static final Path PREVIEWS = Path.of("target", "pdf-previews");

    static byte[] badge(String name) {
        byte[] photo = photoJpeg();
        return PdfDocuments.create("工作牌 " + name, PdfDocuments.sizeMm(90, 120), PdfDocuments.mm(5), CLOCK,
                (document, writer) -> {
                    PdfContentByte canvas = writer.getDirectContent();
                    float centre = PdfDocuments.mm(45);
                    PdfDocuments.drawText(canvas, "社会保险服务中心", PdfFonts.bold(16), centre, PdfDocuments.mm(108),
                            Element.ALIGN_CENTER);
                    PdfDocuments.drawImage(canvas, photo, PdfDocuments.mm(25), PdfDocuments.mm(55),
                            PdfDocuments.mm(40), PdfDocuments.mm(48));
                    PdfDocuments.drawText(canvas, name, PdfFonts.bold(22), centre, PdfDocuments.mm(44),
                            Element.ALIGN_CENTER);
                    PdfDocuments.drawText(canvas, LINE, PdfFonts.font(9), centre, PdfDocuments.mm(36),
                            Element.ALIGN_CENTER);
                    Image qr = QrCodes.pdfImage(QR_TEXT, PdfDocuments.mm(24));
                    qr.setAbsolutePosition(centre - PdfDocuments.mm(12), PdfDocuments.mm(7));
                    canvas.addImage(qr);
                });
    }

    @Test
    void chineseTextComesBackExactlyFromTheEmbeddedSubsettedFont() throws IOException {
        byte[] pdf = badge("张三丰");
        Files.createDirectories(PREVIEWS);
        Files.write(PREVIEWS.resolve("badge.pdf"), pdf);

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text.lines().toList()).contains(LINE, "社会保险服务中心", "张三丰");

            List<PDFont> fonts = fonts(doc.getPage(0));
            assertThat(fonts).hasSize(1);
            PDFont font = fonts.getFirst();
            assertThat(font).isInstanceOf(PDType0Font.class);
            assertThat(font.isEmbedded()).isTrue();
            assertThat(font.getName()).matches("[A-Z]{6}\\+WenQuanYiMicroHei"); // subset tag
            assertThat(((PDType0Font) font).getDescendantFont().getFontDescriptor().getFontFile2()).isNotNull();
            // measured: 400 KB uncompressed (full-length loca and hmtx tables, glyphs only for the text), 41 KB stored
            assertThat(((PDType0Font) font).getDescendantFont().getFontDescriptor().getFontFile2().getCOSObject()
                    .getInt(COSName.LENGTH1)).as("embedded font: a subset, not the 4.6 MB face").isLessThan(1_000_000);
        }
        // measured: 47 KB (41 KB font subset, 2.5 KB photo, 218 B QR code); with the whole font it would be > 2 MB
        assertThat(pdf.length).isLessThan(150_000);
        assertThat(new String(pdf, 0, 8, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-1.7");
    }

    @Test
    void metadataComesFromTheCallerAndTheClock() throws IOException {
        try (PDDocument doc = Loader.loadPDF(badge("李四"))) {
            var info = doc.getDocumentInformation();
            assertThat(info.getTitle()).isEqualTo("工作牌 李四");
            assertThat(info.getAuthor()).isEqualTo("OpenHall");
            assertThat(info.getCreationDate().toInstant()).isEqualTo(CLOCK.instant());
            assertThat(info.getModificationDate().toInstant()).isEqualTo(CLOCK.instant());
            assertThat(doc.getDocumentCatalog().getLanguage()).isEqualTo("zh-CN");
            assertThat(doc.getPage(0).getMediaBox().getWidth()).isCloseTo(255.1f, offset(0.1f));
            assertThat(doc.getPage(0).getMediaBox().getHeight()).isCloseTo(340.2f, offset(0.1f));
        }
    }

    @Test
    void renderedPageShowsTheGlyphsAndAScannableQrCode() throws Exception {
        try (PDDocument doc = Loader.loadPDF(badge("张三丰"))) {
            BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 200);
            Files.createDirectories(PREVIEWS);
            ImageIO.write(page, "png", PREVIEWS.resolve("badge.png").toFile());

            assertThat(decodeQr(page)).isEqualTo(QR_TEXT);

            // the name line (22 pt, simulated bold) is drawn with ink: glyphs, not an empty gap
            int y = (int) Math.round((120 - 44 - 3) / 25.4 * 200); // 3 mm above the baseline, in pixels
            int dark = 0;
            for (int x = 0; x < page.getWidth(); x++) {
                if ((page.getRGB(x, y) & 0xFF) < 128) {
                    dark++;
                }
            }
            assertThat(dark).isGreaterThan(20);

            // the photo (solid blue in the test) is placed in its box
            int px = (int) Math.round(45 / 25.4 * 200);
            int py = (int) Math.round((120 - 79) / 25.4 * 200);
            Color c = new Color(page.getRGB(px, py));
            assertThat(c.getBlue()).isGreaterThan(150);
            assertThat(c.getRed()).isLessThan(100);
        }
    }

    @Test
    void a4NoticeWrapsLongChineseParagraphs() throws IOException {
        String paragraph = "申请人您好：您于二〇二六年三月二日提交的社会保险关系转移申请材料不全，请按本告知单一次性补齐下列材料后再次提交。"
                .repeat(4);
        byte[] pdf = PdfDocuments.a4("一次性告知单", CLOCK, (document, writer) -> {
            document.add(new Paragraph("一次性告知单", PdfFonts.bold(18)));
            document.add(new Paragraph(paragraph, PdfFonts.font(12)));
            document.newPage();
            document.add(new Paragraph("第二页 受理回执", PdfFonts.font(12)));
        });
        Files.createDirectories(PREVIEWS);
        Files.write(PREVIEWS.resolve("notice.pdf"), pdf);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(2);
            assertThat(doc.getPage(0).getMediaBox().getWidth()).isCloseTo(595f, offset(1f));
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setEndPage(1);
            List<String> lines = stripper.getText(doc).lines().toList();
            assertThat(lines.getFirst()).isEqualTo("一次性告知单");
            assertThat(lines.size()).as("the paragraph wraps onto several lines").isGreaterThan(4);
            assertThat(String.join("", lines.subList(1, lines.size()))).isEqualTo(paragraph);
            BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 72);
            ImageIO.write(page, "png", PREVIEWS.resolve("notice.png").toFile());
        }
        assertThat(pdf.length).isLessThan(150_000);
    }

    @Test
    void documentsCanBeMadeInParallel() throws Exception {
        List<String> names = List.of("王小明", "赵敏", "钱多多", "孙悟空", "周芷若", "吴用", "郑成功", "冯宝宝");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<byte[]>> results = new ArrayList<>();
            for (String name : names) {
                results.add(pool.submit(() -> badge(name)));
            }
            for (int i = 0; i < names.size(); i++) {
                try (PDDocument doc = Loader.loadPDF(results.get(i).get())) {
                    assertThat(new PDFTextStripper().getText(doc).lines().toList()).contains(names.get(i));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void imagesAreScaledIntoTheirBoxKeepingProportions() {
        byte[] jpeg = photoJpeg(); // 300 x 400
        Image image = PdfDocuments.image(jpeg, 60, 60);
        assertThat(image.getScaledHeight()).isCloseTo(60f, offset(0.01f));
        assertThat(image.getScaledWidth()).isCloseTo(45f, offset(0.01f));

        Image png = PdfDocuments.image(QrCodes.png("x", 100), 50, 80);
        assertThat(png.getScaledWidth()).isCloseTo(50f, offset(0.01f));
        assertThat(png.getScaledHeight()).isCloseTo(50f, offset(0.01f));
    }

    @Test
    void transparentPngKeepsItsAlphaForSealsOverText() throws IOException {
        // CASE-2a: the agency's seal is a PNG with transparency printed over the date line
        BufferedImage seal = new BufferedImage(200, 200, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = seal.createGraphics();
        g.setColor(new Color(220, 0, 0, 200));
        g.fillOval(10, 10, 180, 180);
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(seal, "png", png);
        Image image = PdfDocuments.image(png.toByteArray(), 100, 100);
        assertThat(image.getImageMask()).as("soft mask from the alpha channel").isNotNull();

        byte[] pdf = PdfDocuments.a4("受理回执", CLOCK, (document, writer) -> {
            PdfContentByte canvas = writer.getDirectContent();
            PdfDocuments.drawText(canvas, "二〇二六年三月二日", PdfFonts.font(12), 400, 600, Element.ALIGN_CENTER);
            PdfDocuments.drawImage(canvas, png.toByteArray(), 350, 560, 100, 100);
        });
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(doc).strip()).isEqualTo("二〇二六年三月二日");
        }
    }

    @Test
    void badInputIsRejected() {
        assertThatThrownBy(() -> PdfDocuments.image("not an image".getBytes(), 10, 10))
                .isInstanceOf(IllegalArgumentException.class);
        byte[] truncatedPng = Arrays.copyOf(QrCodes.png("x", 100), 20);
        assertThatThrownBy(() -> PdfDocuments.image(truncatedPng, 10, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PdfDocuments.image(photoJpeg(), 0, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PdfDocuments.a4(" ", CLOCK, (d, w) -> { })).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PdfDocuments.sizeMm(0, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PdfDocuments.create("x", PdfDocuments.sizeMm(20, 20), PdfDocuments.mm(10), CLOCK,
                (d, w) -> { })).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFailureInTheContentIsNotHiddenByClosingTheDocument() {
        assertThatThrownBy(() -> PdfDocuments.a4("x", CLOCK, (d, w) -> {
            throw new IOException("photo store unavailable");
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("photo store unavailable");
    }

    static List<PDFont> fonts(PDPage page) throws IOException {
        PDResources resources = page.getResources();
        List<PDFont> fonts = new ArrayList<>();
        for (COSName name : resources.getFontNames()) {
            fonts.add(resources.getFont(name));
        }
        for (COSName name : resources.getXObjectNames()) {
            PDXObject x = resources.getXObject(name);
            assertThat(x).isInstanceOf(PDImageXObject.class);
        }
        return fonts;
    }

    static String decodeQr(BufferedImage image) throws Exception {
        try {
            return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
                    Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
        } catch (NotFoundException e) {
            throw new AssertionError("no QR code found in the rendered page", e);
        }
    }

    /** A 300 x 400 solid blue JPEG standing in for a staff photo. */
    static byte[] photoJpeg() {
        BufferedImage img = new BufferedImage(300, 400, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(30, 80, 200));
        g.fillRect(0, 0, 300, 400);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "jpg", out);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out.toByteArray();
    }
}
