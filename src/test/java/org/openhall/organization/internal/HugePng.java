package org.openhall.organization.internal;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * A valid, all-black 1-bit greyscale PNG of any size, written row by row: 20000 × 20000 pixels take about
 * 60 KB on disk but 400 million pixels once decoded.
 */
public final class HugePng {

    private HugePng() {
    }

    public static byte[] of(int width, int height) {
        try {
            ByteArrayOutputStream idat = new ByteArrayOutputStream();
            try (OutputStream z = new DeflaterOutputStream(idat, new Deflater(Deflater.BEST_COMPRESSION))) {
                byte[] row = new byte[1 + (width + 7) / 8]; // filter byte 0, then zero bits
                for (int y = 0; y < height; y++) {
                    z.write(row);
                }
            }
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            png.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
            ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
            DataOutputStream h = new DataOutputStream(ihdr);
            h.writeInt(width);
            h.writeInt(height);
            h.writeByte(1); // bit depth
            h.writeByte(0); // greyscale
            h.writeByte(0); // deflate
            h.writeByte(0); // adaptive filtering
            h.writeByte(0); // no interlace
            chunk(png, "IHDR", ihdr.toByteArray());
            chunk(png, "IDAT", idat.toByteArray());
            chunk(png, "IEND", new byte[0]);
            return png.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws IOException {
        DataOutputStream d = new DataOutputStream(out);
        d.writeInt(data.length);
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        d.write(t);
        d.write(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        d.writeInt((int) crc.getValue());
    }
}
