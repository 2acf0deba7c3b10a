package org.openhall.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.openhall.shared.DomainException;

/**
 * CASE-2, CASE-2a: a notice is an A4 PDF whose Chinese text is extractable (embedded CJK font with a ToUnicode map),
 * with the seal image when the centre uploaded one and a "（印章）" box otherwise; the seal upload accepts only a PNG
 * with a transparent background.
 */
public class NoticeRendererTests {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-09-28T02:00:00Z"), ZoneOffset.UTC);

    static NoticeRenderer.Model model(byte[] seal) {
        return new NoticeRenderer.Model("清溪县社会保险服务中心", "一次性告知单（补正材料通知书）", "编号：QX-SSC-20260928-0001",
                List.of(new NoticeRenderer.Field("办理事项", "门诊慢特病待遇认定"), new NoticeRenderer.Field("申请人", "段誉（1****************1X）")),
                List.of(new NoticeRenderer.Section("请补正以下全部内容（共 2 项）",
                        List.of("门诊慢特病待遇认定申请表：未提交", "二级及以上定点医院诊断证明：不符合要求：未加盖公章"), true)),
                "经办人：张伟", "联系方式：5号窗口 医保参保登记，电话 0797-5212351",
                "http://localhost:8080/progress?number=QX-SSC-20260928-0001", "扫码查询办理进度", "2026年9月28日", seal,
                "（印章）");
    }

    static byte[] seal(boolean transparent) throws IOException {
        BufferedImage img = new BufferedImage(200, 200, transparent ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        if (!transparent) {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, 200, 200);
        }
        g.setColor(new Color(200, 20, 20));
        g.drawOval(10, 10, 180, 180);
        g.fillOval(90, 90, 20, 20);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    /** A picture of the page under target/screenshots/ to look at. */
    public static void snapshot(PDDocument d, String name) throws IOException {
        java.nio.file.Path dir = java.nio.file.Path.of("target", "screenshots");
        java.nio.file.Files.createDirectories(dir);
        BufferedImage page = new org.apache.pdfbox.rendering.PDFRenderer(d).renderImageWithDPI(0, 72);
        ImageIO.write(page, "png", dir.resolve(name + ".png").toFile());
    }

    @Test
    void chineseTextIsExtractableAndThePlaceholderBoxStandsInForAMissingSeal() throws IOException {
        byte[] pdf = NoticeRenderer.render(model(null), CLOCK);
        try (PDDocument d = Loader.loadPDF(pdf)) {
            PDPage page = d.getPage(0);
            assertThat(page.getMediaBox().getWidth()).isCloseTo(595f, org.assertj.core.data.Offset.offset(1f));
            assertThat(page.getMediaBox().getHeight()).isCloseTo(842f, org.assertj.core.data.Offset.offset(1f));
            String text = new PDFTextStripper().getText(d);
            assertThat(text).contains("一次性告知单", "QX-SSC-20260928-0001", "门诊慢特病待遇认定申请表：未提交",
                    "二级及以上定点医院诊断证明", "经办人：张伟", "（印章）", "清溪县社会保险服务中心", "2026年9月28日");
            for (var name : page.getResources().getFontNames()) {
                PDFont f = page.getResources().getFont(name);
                assertThat(f.isEmbedded()).as(f.getName()).isTrue();
                assertThat(f.getCOSObject().containsKey(org.apache.pdfbox.cos.COSName.TO_UNICODE)).as(f.getName()).isTrue();
            }
            long images = 0;
            for (var name : page.getResources().getXObjectNames()) {
                if (page.getResources().getXObject(name) instanceof PDImageXObject) {
                    images++;
                }
            }
            assertThat(images).as("the QR code").isEqualTo(1);
            snapshot(d, "notice-without-seal");
        }
    }

    @Test
    void theUploadedSealReplacesThePlaceholder() throws IOException {
        byte[] pdf = NoticeRenderer.render(model(seal(true)), CLOCK);
        try (PDDocument d = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(d);
            assertThat(text).doesNotContain("（印章）").contains("清溪县社会保险服务中心", "2026年9月28日");
            PDPage page = d.getPage(0);
            long images = 0;
            for (var name : page.getResources().getXObjectNames()) {
                if (page.getResources().getXObject(name) instanceof PDImageXObject) {
                    images++;
                }
            }
            assertThat(images).as("QR code and seal").isEqualTo(2);
            snapshot(d, "notice-with-seal");
        }
    }

    @Test
    void aSealMustBeATransparentPngOfReasonableSize() throws IOException {
        assertThat(NoticeSettings.checkSeal(seal(true))).containsExactly(200, 200);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> NoticeSettings.checkSeal(seal(false)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.messageKey()).isEqualTo("cases.seal.notTransparent"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> NoticeSettings.checkSeal(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0, 1, 2, 3, 4, 5}))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.messageKey()).isEqualTo("cases.seal.notPng"));
    }
}
