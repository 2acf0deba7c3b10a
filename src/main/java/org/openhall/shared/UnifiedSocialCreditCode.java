package org.openhall.shared;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A unified social credit code (统一社会信用代码) per GB 32100-2015: 18 characters from the code set
 * {@code 0-9 A-H J-N P-R T-U W-Y} (no I, O, Z, S, V); registration authority, organisation type,
 * 6-digit administrative division, 9-character organisation code, and a check character:
 * {@code C18 = 31 - (Σ Ci×Wi mod 31)} (31 → 0) with weights 3^(i) mod 31 (SEC-4).
 */
public record UnifiedSocialCreditCode(String value) {

    private static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    public UnifiedSocialCreditCode {
        value = value.strip().toUpperCase();
        validationError(value).ifPresent(key -> {
            throw new InvalidValueException(key);
        });
    }

    public static UnifiedSocialCreditCode of(String raw) {
        return new UnifiedSocialCreditCode(raw);
    }

    public static boolean isValid(@Nullable String raw) {
        return raw != null && validationError(raw).isEmpty();
    }

    public static Optional<String> validationError(@Nullable String raw) {
        if (raw == null) {
            return Optional.of("shared.creditCode.length");
        }
        String v = raw.strip().toUpperCase();
        if (v.length() != 18) {
            return Optional.of("shared.creditCode.length");
        }
        for (int i = 0; i < 18; i++) {
            if (CHARSET.indexOf(v.charAt(i)) < 0) {
                return Optional.of("shared.creditCode.format");
            }
        }
        for (int i = 2; i < 8; i++) {
            if (!Character.isDigit(v.charAt(i))) {
                return Optional.of("shared.creditCode.format");
            }
        }
        if (checkCharacter(v) != v.charAt(17)) {
            return Optional.of("shared.creditCode.checksum");
        }
        return Optional.empty();
    }

    /** The check character of the first 17 characters. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += CHARSET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        int c = 31 - sum % 31;
        return CHARSET.charAt(c == 31 ? 0 : c);
    }
}
