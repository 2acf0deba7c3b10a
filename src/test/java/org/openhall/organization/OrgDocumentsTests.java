package org.openhall.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhall.organization.internal.OrgDocuments;
import org.openhall.security.UserAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * ORG-3: the staff badge and the window card are PDFs with the CJK font embedded: the Chinese text
 * comes back out with PDFBox, and page 1 is rendered to PNG (target/screenshots) to look at.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OrgDocumentsTests {

    @Autowired
    OrganizationCommands commands;

    @Autowired
    OrganizationApi api;

    @Autowired
    UserAccounts accounts;

    @Autowired
    OrgDocuments documents;

    OrgFixture.Org o;

    @BeforeEach
    void setUp() throws Exception {
        o = OrgFixture.create(commands, accounts);
        BufferedImage img = new BufferedImage(240, 320, BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        g.setColor(new java.awt.Color(0x3D, 0x7E, 0xC8));
        g.fillRect(0, 0, 240, 320);
        g.setColor(java.awt.Color.WHITE);
        g.fillOval(70, 60, 100, 120);
        g.fillRect(30, 220, 180, 100);
        g.dispose();
        var out = new java.io.ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        commands.uploadPhoto(o.medicalStaff()[1], out.toByteArray());
    }

    static Path render(byte[] pdf, String name) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 200);
            Path file = Path.of("target", "screenshots", name + ".png");
            Files.createDirectories(file.getParent());
            ImageIO.write(page, "png", file.toFile());
            return file;
        }
    }

    static String text(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    static void assertFontsEmbedded(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDPage page = doc.getPage(0);
            int fonts = 0;
            for (var name : page.getResources().getFontNames()) {
                PDFont font = page.getResources().getFont(name);
                assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                fonts++;
            }
            assertThat(fonts).isPositive();
        }
    }

    @Test
    void theBadgeCarriesUnitNameNumberAndPosition() throws Exception {
        byte[] pdf = documents.badge(o.medicalStaff()[1]);
        String text = text(pdf);
        assertThat(text).contains("张伟", "YB02", "窗口受理员", "医保中心", "测试县社会保险服务中心" + o.n());
        assertFontsEmbedded(pdf);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            var box = doc.getPage(0).getMediaBox();
            assertThat(box.getWidth() / 72 * 25.4).isCloseTo(85.6, org.assertj.core.data.Offset.offset(0.5));
            assertThat(box.getHeight() / 72 * 25.4).isCloseTo(54.0, org.assertj.core.data.Offset.offset(0.5));
            assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("工作牌 张伟");
        }
        Path png = render(pdf, "org-badge");
        assertThat(Files.size(png)).isPositive();
    }

    @Test
    void theWindowCardCarriesNumberNameDepartmentPostsAndServices() throws Exception {
        byte[] pdf = documents.windowCard(o.windowId(), "http://localhost/public/centres/" + o.code() + "/staff");
        String text = text(pdf);
        assertThat(text).contains("5号窗口", "医保参保登记", "医保中心", "张伟", "陈晓燕", "A角", "B角", "城乡居民医保参保登记",
                "异地就医备案", "业务受理");
        assertFontsEmbedded(pdf);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            var box = doc.getPage(0).getMediaBox();
            assertThat(box.getWidth()).isGreaterThan(box.getHeight());
        }
        render(pdf, "org-window-card");
    }
}
