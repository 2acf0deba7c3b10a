package org.openhall.cases.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.jspecify.annotations.Nullable;
import org.openhall.security.AuditTrail;
import org.openhall.security.CurrentUsers;
import org.openhall.shared.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * CASE-2a: what a centre prints on its written notices — the issuing agency's name, the contact phone and the seal
 * (印章): a PNG with a transparent background uploaded by the centre office, printed over the agency's name and the
 * date. A new upload supersedes the previous settings (kept, never deleted). Without a seal a notice prints a
 * "（印章）" box to be stamped by hand.
 */
@Service
public class NoticeSettings {

    /** Limits of a seal image: a seal is small; a huge image would only slow every notice down. */
    static final int MAX_BYTES = 1024 * 1024;
    static final int MAX_PIXELS_PER_SIDE = 2000;
    static final int MIN_PIXELS_PER_SIDE = 50;

    public record Settings(long centreId, @Nullable String agencyName, @Nullable String phone, byte @Nullable [] seal,
            @Nullable Integer sealWidth, @Nullable Integer sealHeight) {

        public boolean hasSeal() {
            return seal != null;
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditTrail audit;
    private final CurrentUsers users;
    private final CaseAccess access;

    NoticeSettings(JdbcClient jdbc, Clock clock, AuditTrail audit, CurrentUsers users, CaseAccess access) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.users = users;
        this.access = access;
    }

    /** The current settings of a centre (no scope: notices of every case of the centre use them). */
    public Optional<Settings> current(long centreId) {
        return jdbc.sql("select * from cas_notice_settings where centre_id = :c and current_row = true order by id desc")
                .param("c", centreId)
                .query((rs, n) -> new Settings(rs.getLong("centre_id"), rs.getString("agency_name"), rs.getString("phone"),
                        rs.getBytes("seal"), (Integer) rs.getObject("seal_width", Integer.class),
                        (Integer) rs.getObject("seal_height", Integer.class)))
                .stream().findFirst();
    }

    /** The settings as the centre office may see and change them. */
    public Optional<Settings> forEditing(long centreId) {
        if (!access.canManageSettings(centreId)) {
            throw new AccessDeniedException("only the centre office manages the seal");
        }
        return current(centreId);
    }

    /**
     * Saves the agency name, phone and, when {@code sealPng} is given, a new seal (else the current seal stays).
     * The seal must be a PNG with an alpha channel (transparent background), at most 1 MB and 2000 px a side.
     */
    @Transactional
    public Settings save(long centreId, @Nullable String agencyName, @Nullable String phone, byte @Nullable [] sealPng,
            boolean removeSeal) {
        if (!access.canManageSettings(centreId)) {
            throw new AccessDeniedException("only the centre office manages the seal");
        }
        String agency = blankToNull(agencyName);
        if (agency != null && agency.length() > 200) {
            throw DomainException.invalid("agencyName", "cases.seal.agencyTooLong");
        }
        String tel = blankToNull(phone);
        if (tel != null && (tel.length() > 40 || !tel.matches("[0-9+()\\- ]+"))) {
            throw DomainException.invalid("phone", "cases.seal.phoneInvalid");
        }
        Optional<Settings> before = current(centreId);
        byte[] seal = removeSeal ? null : before.map(Settings::seal).orElse(null);
        Integer w = removeSeal ? null : before.map(Settings::sealWidth).orElse(null);
        Integer h = removeSeal ? null : before.map(Settings::sealHeight).orElse(null);
        if (sealPng != null && sealPng.length > 0) {
            int[] size = checkSeal(sealPng);
            seal = sealPng;
            w = size[0];
            h = size[1];
        }
        jdbc.sql("update cas_notice_settings set current_row = false where centre_id = :c and current_row = true")
                .param("c", centreId).update();
        jdbc.sql("""
                insert into cas_notice_settings (centre_id, agency_name, phone, seal, seal_width, seal_height, current_row,
                    created_at, created_by) values (:c, :a, :p, :s, :w, :h, true, :t, :by)""")
                .param("c", centreId).param("a", agency).param("p", tel).param("s", seal).param("w", w).param("h", h)
                .param("t", Timestamp.from(clock.instant())).param("by", users.actorName()).update();
        Settings after = new Settings(centreId, agency, tel, seal, w, h);
        audit.record(centreId, "CaseNoticeSettings", Long.toString(centreId), "UPDATE",
                before.map(NoticeSettings::describe).orElse(null), describe(after));
        return after;
    }

    private static String describe(Settings s) {
        return "agency=" + s.agencyName() + ", phone=" + s.phone() + ", seal="
                + (s.seal() == null ? "none" : s.sealWidth() + "x" + s.sealHeight() + " PNG, " + s.seal().length + " bytes");
    }

    /** Width and height of a valid seal; 400 otherwise. */
    static int[] checkSeal(byte[] png) {
        if (png.length > MAX_BYTES) {
            throw DomainException.invalid("seal", "cases.seal.tooLarge");
        }
        if (png.length < 8 || (png[0] & 0xFF) != 0x89 || png[1] != 'P' || png[2] != 'N' || png[3] != 'G') {
            throw DomainException.invalid("seal", "cases.seal.notPng");
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(png))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw DomainException.invalid("seal", "cases.seal.notPng");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in);
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                if (w > MAX_PIXELS_PER_SIDE || h > MAX_PIXELS_PER_SIDE || w < MIN_PIXELS_PER_SIDE || h < MIN_PIXELS_PER_SIDE) {
                    throw DomainException.invalid("seal", "cases.seal.size", MIN_PIXELS_PER_SIDE, MAX_PIXELS_PER_SIDE);
                }
                BufferedImage image = reader.read(0);
                if (!image.getColorModel().hasAlpha() || !hasTransparentPixel(image)) {
                    throw DomainException.invalid("seal", "cases.seal.notTransparent");
                }
                return new int[] {w, h};
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof DomainException d) {
                throw d;
            }
            throw DomainException.invalid("seal", "cases.seal.notPng");
        }
    }

    /** The background must really be transparent: at least the corners (a round seal leaves them empty). */
    private static boolean hasTransparentPixel(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[][] corners = {{0, 0}, {w - 1, 0}, {0, h - 1}, {w - 1, h - 1}};
        for (int[] c : corners) {
            if ((image.getRGB(c[0], c[1]) >>> 24) < 16) {
                return true;
            }
        }
        return false;
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
