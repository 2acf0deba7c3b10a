package org.openhall.shared;

import org.jspecify.annotations.Nullable;

/**
 * Masks personal data for screens, displays and exports (SEC-2): name {@code 段**}, ID number
 * {@code 5***************1X}, mobile {@code 180****1999}. Null stays null; blank stays blank.
 */
public final class Masking {

    private Masking() {
    }

    /** Keeps the surname (first character) and stars the rest: 段誉 → 段*, 欧阳锋 → 欧**. */
    public static @Nullable String name(@Nullable String name) {
        if (name == null || name.isBlank()) {
            return name;
        }
        String n = name.strip();
        int first = n.offsetByCodePoints(0, 1);
        int rest = n.codePointCount(first, n.length());
        return n.substring(0, first) + "*".repeat(Math.max(rest, 1));
    }

    /** Keeps the first and the last two characters of an ID number: 5***************1X. */
    public static @Nullable String idNumber(@Nullable String id) {
        if (id == null || id.isBlank()) {
            return id;
        }
        String v = id.strip().toUpperCase();
        if (v.length() <= 3) {
            return "*".repeat(v.length());
        }
        return v.charAt(0) + "*".repeat(v.length() - 3) + v.substring(v.length() - 2);
    }

    /** Keeps the first three and last four digits of a mobile number: 180****1999. */
    public static @Nullable String mobile(@Nullable String mobile) {
        if (mobile == null || mobile.isBlank()) {
            return mobile;
        }
        String digits = MobileNumber.normalize(mobile);
        if (digits.length() < 8) {
            return "*".repeat(digits.length());
        }
        return digits.substring(0, 3) + "*".repeat(digits.length() - 7) + digits.substring(digits.length() - 4);
    }
}
