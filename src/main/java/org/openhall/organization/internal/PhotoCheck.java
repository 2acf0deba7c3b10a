package org.openhall.organization.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.openhall.shared.DomainException;
import org.springframework.stereotype.Component;

/**
 * ORG-2: a staff photo must really be a JPEG or PNG image (checked by its signature and by decoding
 * it, not by the file name or the declared type) of at most 2 MB and at most
 * {@code openhall.organization.photo.max-pixels} pixels. The size in pixels is read from the image header
 * before anything is decoded, so a small file of huge dimensions is refused cheaply (SEC-4).
 */
@Component
public class PhotoCheck {

    public static final int MAX_BYTES = 2 * 1024 * 1024;

    private final long maxPixels;

    PhotoCheck(PhotoProperties properties) {
        this.maxPixels = properties.maxPixels();
    }

    /** The checked image: its real content type and size in pixels. */
    public record Image(String contentType, int width, int height) {
    }

    /** An upload that passed the check, so that it is checked (and decoded) only once. */
    public record Checked(byte[] content, Image image) {
    }

    public Checked check(byte[] content) {
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
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw DomainException.invalid("photo", "org.photo.unreadable");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if ((long) width * height > maxPixels) {
                    long side = (long) Math.sqrt((double) maxPixels);
                    throw DomainException.invalid("photo", "org.photo.tooManyPixels", String.valueOf(width),
                            String.valueOf(height), String.valueOf(maxPixels), String.valueOf(side));
                }
                if (width < 16 || height < 16) {
                    throw DomainException.invalid("photo", "org.photo.unreadable");
                }
                BufferedImage img = reader.read(0);
                if (img == null) {
                    throw DomainException.invalid("photo", "org.photo.unreadable");
                }
                return new Checked(content, new Image(type, img.getWidth(), img.getHeight()));
            } finally {
                reader.dispose();
            }
        } catch (DomainException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw DomainException.invalid("photo", "org.photo.unreadable");
        }
    }
}
