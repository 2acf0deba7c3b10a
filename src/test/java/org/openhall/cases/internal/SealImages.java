package org.openhall.cases.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Seal images for tests: a red round seal on a transparent background. */
public final class SealImages {

    private SealImages() {
    }

    public static byte[] transparentSeal() {
        BufferedImage img = new BufferedImage(300, 300, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(200, 16, 16, 220));
        g.setStroke(new BasicStroke(10));
        g.drawOval(15, 15, 270, 270);
        g.fillPolygon(new int[] {150, 162, 198, 170, 180, 150, 120, 130, 102, 138}, new int[] {100, 135, 135, 157, 192, 170,
                192, 157, 135, 135}, 10);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
