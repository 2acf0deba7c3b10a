package org.openhall.organization.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.openhall.shared.DomainException;

/**
 * ORG-2: a staff photo must really be a JPEG or PNG image (checked by its signature and by decoding
 * it, not by the file name or the declared type) of at most 2 MB.
 */
public final class PhotoCheck {

    public static final int MAX_BYTES = 2 * 1024 * 1024;

    private PhotoCheck() {
    }

    /** The checked image: its real content type and size in pixels. */
    public record Image(String contentType, int width, int height) {
    }

    public static Image check(byte[] content) {
        if (content.length == 0) {
            throw DomainException.invalid("photo", "org.photo.empty");
        }
        if (content.length > MAX_BYTES) {
            throw DomainException.invalid("photo", "org.photo.tooLarge", MAX_BYTES / 1024 / 1024);
        }
        String type;
        if (content.length > 3 && (content[0] & 0xFF) == 0xFF && (content[1] & 0xFF) == 0xD8 && (content[2] & 0xFF) == 0xFF) {
            type = "image/jpeg";
        } else if (content.length > 8 && (content[0] & 0xFF) == 0x89 && content[1] == 'P' && content[2] == 'N'
                && content[3] == 'G' && content[4] == 0x0D && content[5] == 0x0A && content[6] == 0x1A && content[7] == 0x0A) {
            type = "image/png";
        } else {
            throw DomainException.invalid("photo", "org.photo.type");
        }
        BufferedImage img;
        try {
            img = ImageIO.read(new ByteArrayInputStream(content));
        } catch (IOException | RuntimeException e) {
            img = null;
        }
        if (img == null || img.getWidth() < 16 || img.getHeight() < 16) {
            throw DomainException.invalid("photo", "org.photo.unreadable");
        }
        return new Image(type, img.getWidth(), img.getHeight());
    }
}
