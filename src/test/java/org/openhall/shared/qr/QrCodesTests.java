package org.openhall.shared.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.Result;
import com.google.zxing.ResultMetadataType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.openpdf.text.Image;

class QrCodesTests {

    @Test
    void asciiLinkRoundTrips() throws Exception {
        String url = "https://hall.example.cn/case/2026-000315?t=Ab9";
        byte[] png = QrCodes.png(url, 240);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(240);
        assertThat(image.getHeight()).isEqualTo(240);
        Result result = decode(image);
        assertThat(result.getText()).isEqualTo(url);
        assertThat(result.getResultMetadata().get(ResultMetadataType.ERROR_CORRECTION_LEVEL)).isEqualTo("M");
    }

    @Test
    void chineseTextRoundTripsAsUtf8() throws Exception {
        String text = "社会保险服务中心 窗口 3 号 张三丰";
        Result result = decode(ImageIO.read(new ByteArrayInputStream(QrCodes.png(text, 300))));
        assertThat(result.getText()).isEqualTo(text);
        assertThat(result.getResultMetadata().get(ResultMetadataType.ERROR_CORRECTION_LEVEL)).isEqualTo("M");
    }

    @Test
    void quietZoneIsOneModule() throws Exception {
        // "A1" is a version-1 symbol: 21 modules + 2 quiet modules = 23; at 230 px one module is 10 px
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(QrCodes.png("A1", 230)));
        assertThat(image.getRGB(5, 5) & 0xFFFFFF).as("quiet zone").isEqualTo(0xFFFFFF);
        assertThat(image.getRGB(15, 15) & 0xFFFFFF).as("finder pattern corner").isEqualTo(0x000000);
    }

    @Test
    void pdfImageIsOneBitPerModuleScaledToTheRequestedSize() {
        Image image = QrCodes.pdfImage("A1", 72);
        assertThat((int) image.getWidth()).isEqualTo(23);
        assertThat((int) image.getHeight()).isEqualTo(23);
        assertThat(image.getRawData()).as("1-bit, CCITT G4 compressed").hasSizeLessThan(200);
        assertThat(image.getScaledWidth()).isEqualTo(72f);
        assertThat(image.getScaledHeight()).isEqualTo(72f);
    }

    @Test
    void invalidInputIsRejected() {
        assertThatThrownBy(() -> QrCodes.png("", 200)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QrCodes.png("   ", 200)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QrCodes.pdfImage(" ", 50)).isInstanceOf(IllegalArgumentException.class);
        String tooLong = "号".repeat(QrCodes.MAX_BYTES / 3 + 1); // 3 UTF-8 bytes each
        assertThatThrownBy(() -> QrCodes.png(tooLong, 1000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("too long");
        assertThatThrownBy(() -> QrCodes.pdfImage(tooLong, 100)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QrCodes.png("A1", 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("too small");
        assertThatThrownBy(() -> QrCodes.png("A1", QrCodes.MAX_SIZE_PX + 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QrCodes.pdfImage("A1", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void longestAcceptedTextStillEncodesAndDecodes() throws Exception {
        String longest = "a".repeat(QrCodes.MAX_BYTES);
        assertThat(decode(ImageIO.read(new ByteArrayInputStream(QrCodes.png(longest, 800)))).getText()).isEqualTo(longest);
        String chinese = "号".repeat(QrCodes.MAX_BYTES / 3);
        assertThat(decode(ImageIO.read(new ByteArrayInputStream(QrCodes.png(chinese, 800)))).getText()).isEqualTo(chinese);
    }

    static Result decode(BufferedImage image) throws IOException {
        try {
            return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
                    Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE));
        } catch (com.google.zxing.ReaderException e) {
            throw new AssertionError("QR code not readable", e);
        }
    }
}
