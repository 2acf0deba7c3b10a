package org.openhall.shared;

import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A mainland-China mobile number: {@code 1[3-9]} followed by 9 digits, optionally written with
 * {@code +86} / {@code 86} and spaces or dashes, stored as the 11 digits (SEC-4).
 */
public record MobileNumber(String value) {

    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

    public MobileNumber {
        value = normalize(value);
        if (!MOBILE.matcher(value).matches()) {
            throw new InvalidValueException("shared.mobile.invalid");
        }
    }

    public static MobileNumber of(String raw) {
        return new MobileNumber(raw);
    }

    public static boolean isValid(@Nullable String raw) {
        return raw != null && MOBILE.matcher(normalize(raw)).matches();
    }

    public static Optional<String> validationError(@Nullable String raw) {
        return isValid(raw) ? Optional.empty() : Optional.of("shared.mobile.invalid");
    }

    /** Strips spaces, dashes and a leading +86 / 86 country code. */
    static String normalize(String raw) {
        String v = raw.strip().replace(" ", "").replace("-", "");
        if (v.startsWith("+86")) {
            v = v.substring(3);
        } else if (v.startsWith("86") && v.length() == 13) {
            v = v.substring(2);
        }
        return v;
    }

    /** {@code 180****1999} (SEC-2). */
    public String masked() {
        return Masking.mobile(value);
    }

    @Override
    public String toString() {
        return masked();
    }
}
