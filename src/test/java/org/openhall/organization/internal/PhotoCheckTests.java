package org.openhall.organization.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.openhall.shared.DomainException;

/** ORG-2/SEC-4: the size of a photo in pixels is read from its header and capped before it is decoded. */
class PhotoCheckTests {

    static byte[] png(int width, int height) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }

    @Test
    void aSmallFileOfHugeDimensionsIsRefusedQuicklyByItsHeader() {
        byte[] huge = HugePng.of(20000, 20000);
        assertThat(huge.length).isLessThan(PhotoCheck.MAX_BYTES);
        PhotoCheck check = new PhotoCheck(new PhotoProperties(4096L * 4096));
        long start = System.nanoTime();
        assertThatThrownBy(() -> check.check(huge)).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.field()).isEqualTo("photo");
            assertThat(e.messageKey()).isEqualTo("org.photo.tooManyPixels");
            assertThat(e.args()).containsExactly("20000", "20000", "16777216", "4096");
        });
        assertThat((System.nanoTime() - start) / 1_000_000).as("milliseconds").isLessThan(1000);
    }

    @Test
    void theLimitIsConfigurableAndInclusive() throws Exception {
        PhotoCheck check = new PhotoCheck(new PhotoProperties(60 * 80));
        PhotoCheck.Checked ok = check.check(png(60, 80));
        assertThat(ok.image()).isEqualTo(new PhotoCheck.Image("image/png", 60, 80));
        assertThatThrownBy(() -> check.check(png(61, 80))).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.messageKey()).isEqualTo("org.photo.tooManyPixels"));
    }

    @Test
    void aTruncatedImageIsStillUnreadable() throws Exception {
        byte[] full = png(64, 64);
        byte[] truncated = java.util.Arrays.copyOf(full, 40); // signature and header only
        PhotoCheck check = new PhotoCheck(new PhotoProperties(4096L * 4096));
        assertThatThrownBy(() -> check.check(truncated)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.messageKey()).isEqualTo("org.photo.unreadable"));
    }
}
