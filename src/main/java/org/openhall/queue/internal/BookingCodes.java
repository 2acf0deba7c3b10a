package org.openhall.queue.internal;

import java.security.SecureRandom;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Booking codes (预约码, Q-7): eight characters from an alphabet without the look-alikes 0/O, 1/I/L, so that they are
 * read out over the phone and typed on a kiosk without mistakes; 31⁸ ≈ 8.5 × 10¹¹ codes, drawn from a
 * {@link SecureRandom}, so that a code cannot be guessed from another one. Shown in two groups of four
 * ({@code K7QM-3RZP}); typed in any case, with or without the dash or spaces.
 */
public final class BookingCodes {

    public static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    public static final int LENGTH = 8;

    private static final SecureRandom RANDOM = new SecureRandom();

    private BookingCodes() {
    }

    public static String next() {
        char[] c = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            c[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
        }
        return new String(c);
    }

    /** User input as a stored code: spaces and dashes removed, upper case. Not checked. */
    public static String normalize(@Nullable String raw) {
        if (raw == null) {
            return "";
        }
        return raw.strip().replace(" ", "").replace("-", "").replace("\u3000", "").toUpperCase(Locale.ROOT);
    }

    /** Whether the input (after {@link #normalize}) has the form of a booking code. */
    public static boolean isWellFormed(@Nullable String raw) {
        String v = normalize(raw);
        if (v.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < v.length(); i++) {
            if (ALPHABET.indexOf(v.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    /** {@code K7QM3RZP} → {@code K7QM-3RZP}. */
    public static String display(String code) {
        return code.length() == LENGTH ? code.substring(0, 4) + "-" + code.substring(4) : code;
    }
}
