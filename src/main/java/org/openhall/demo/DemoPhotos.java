package org.openhall.demo;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * Placeholder ID-style portraits for the demo staff: a silhouette on a plain background, drawn without
 * any font so that they are the same on every machine. Deterministic for a given index.
 */
final class DemoPhotos {

    private static final Color[] BACKGROUNDS = {new Color(0x3D, 0x7E, 0xC8), new Color(0xE8, 0xEE, 0xF5),
            new Color(0xC8, 0x3D, 0x3D), new Color(0x4A, 0x90, 0xD9)};
    private static final Color[] CLOTHES = {new Color(0x22, 0x2B, 0x3A), new Color(0x2E, 0x3F, 0x5C),
            new Color(0x1B, 0x1F, 0x24)};
    private static final Color[] SKIN = {new Color(0xF1, 0xD3, 0xB8), new Color(0xE6, 0xC2, 0xA0),
            new Color(0xF5, 0xDC, 0xC4)};

    private DemoPhotos() {
    }

    static byte[] portrait(int index, boolean male) {
        int w = 240;
        int h = 320;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        Color bg = BACKGROUNDS[index % BACKGROUNDS.length];
        g.setPaint(new GradientPaint(0, 0, bg.brighter(), 0, h, bg));
        g.fillRect(0, 0, w, h);
        // shoulders and shirt
        g.setColor(CLOTHES[index % CLOTHES.length]);
        g.fill(new RoundRectangle2D.Double(20, 225, 200, 160, 120, 120));
        g.setColor(Color.WHITE);
        g.fillPolygon(new int[] {100, 140, 120}, new int[] {228, 228, 275}, 3);
        if (male) {
            g.setColor(new Color(0xA3, 0x1F, 0x1F));
            g.fillPolygon(new int[] {114, 126, 130, 120, 110}, new int[] {232, 232, 280, 292, 280}, 5);
        }
        // neck and head
        Color skin = SKIN[index % SKIN.length];
        g.setColor(skin.darker());
        g.fillRect(103, 185, 34, 45);
        g.setColor(skin);
        g.fill(new Ellipse2D.Double(72, 80, 96, 120));
        // hair
        g.setColor(new Color(0x1A, 0x14, 0x10));
        if (male) {
            g.fill(new Ellipse2D.Double(70, 70, 100, 58));
        } else {
            g.fill(new Ellipse2D.Double(64, 66, 112, 70));
            g.fillRect(64, 100, 20, 110);
            g.fillRect(156, 100, 20, 110);
        }
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
