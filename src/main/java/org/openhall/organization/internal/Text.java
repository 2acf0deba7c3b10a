package org.openhall.organization.internal;

import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Small helpers for text input. */
public final class Text {

    private Text() {
    }

    public static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** One entry per non-blank line. */
    public static List<String> lines(@Nullable String s) {
        if (s == null) {
            return List.of();
        }
        return Arrays.stream(s.split("\\R")).map(String::strip).filter(l -> !l.isEmpty()).toList();
    }
}
