package org.openhall.shared;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A resident identity card number (公民身份号码) per GB 11643-1999: 17 digits (6 address code, 8 birth
 * date, 3 sequence) and a check character computed by ISO 7064 MOD 11-2 ({@code 0-9} or {@code X}).
 * The birth date must be a real date, not in the future relative to {@code maxBirthDate} checks done
 * by callers, and not before 1800 (SEC-4).
 */
public record ChineseIdNumber(String value) {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    public ChineseIdNumber {
        value = normalize(value);
        validationError(value).ifPresent(key -> {
            throw new InvalidValueException(key);
        });
    }

    /** Parses user input (spaces trimmed, lower-case x accepted). */
    public static ChineseIdNumber of(String raw) {
        return new ChineseIdNumber(raw);
    }

    public static boolean isValid(@Nullable String raw) {
        return raw != null && validationError(normalize(raw)).isEmpty();
    }

    /** The message key of what is wrong with {@code raw}, or empty if it is a valid number. */
    public static Optional<String> validationError(@Nullable String raw) {
        if (raw == null) {
            return Optional.of("shared.idNumber.length");
        }
        String v = normalize(raw);
        if (v.length() != 18) {
            return Optional.of("shared.idNumber.length");
        }
        for (int i = 0; i < 17; i++) {
            if (!Character.isDigit(v.charAt(i)) || v.charAt(i) > '9') {
                return Optional.of("shared.idNumber.format");
            }
        }
        char last = v.charAt(17);
        if (!(last >= '0' && last <= '9') && last != 'X') {
            return Optional.of("shared.idNumber.format");
        }
        if (birthDateOf(v).isEmpty()) {
            return Optional.of("shared.idNumber.birthDate");
        }
        if (checkCharacter(v) != last) {
            return Optional.of("shared.idNumber.checksum");
        }
        return Optional.empty();
    }

    /** The ISO 7064 MOD 11-2 check character of the first 17 digits. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    private static Optional<LocalDate> birthDateOf(String v) {
        try {
            LocalDate d = LocalDate.of(Integer.parseInt(v.substring(6, 10)), Integer.parseInt(v.substring(10, 12)),
                    Integer.parseInt(v.substring(12, 14)));
            return d.getYear() < 1800 ? Optional.empty() : Optional.of(d);
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    static String normalize(String raw) {
        return raw.strip().replace(" ", "").toUpperCase();
    }

    public LocalDate birthDate() {
        return birthDateOf(value).orElseThrow();
    }

    /** GB 11643: the 17th digit is odd for men, even for women. */
    public boolean male() {
        return (value.charAt(16) - '0') % 2 == 1;
    }

    /** {@code 5***************1X} (SEC-2). */
    public String masked() {
        return Masking.idNumber(value);
    }

    @Override
    public String toString() {
        return masked();
    }
}
