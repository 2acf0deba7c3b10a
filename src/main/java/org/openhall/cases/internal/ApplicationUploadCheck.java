package org.openhall.cases.internal;

import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The files of an online application (CASE-10, SEC-4): PDF, JPEG or PNG only, recognised by their content (the
 * signature at the start of the file), not by the name or the type the browser declares; the name's extension must
 * agree with the content, so that a program renamed {@code .pdf} is refused. At most
 * {@link ApplicationProperties#maxFileSize()} each.
 */
@Component
public class ApplicationUploadCheck {

    private final long maxBytes;

    ApplicationUploadCheck(ApplicationProperties properties) {
        this.maxBytes = properties.maxFileSize().toBytes();
    }

    /** A file that passed: its real content type and a safe file name. */
    public record Checked(String fileName, String contentType, byte[] content) {
    }

    /** The result: the checked file, or the message key (with arguments) of what is wrong. */
    public record Outcome(@Nullable Checked file, @Nullable String errorKey, Object[] args) {
        static Outcome ok(Checked file) {
            return new Outcome(file, null, new Object[0]);
        }

        static Outcome error(String key, Object... args) {
            return new Outcome(null, key, args);
        }
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** The size limit in whole megabytes, for messages. */
    public long maxMegabytes() {
        return Math.max(1, maxBytes / (1024 * 1024));
    }

    public Outcome check(@Nullable String originalName, byte[] content) {
        if (content.length == 0) {
            return Outcome.error("cases.public.apply.upload.empty");
        }
        if (content.length > maxBytes) {
            return Outcome.error("cases.public.apply.upload.tooLarge", maxMegabytes());
        }
        String name = safeName(originalName);
        String extension = extension(name);
        Optional<String> expected = switch (extension) {
            case "pdf" -> Optional.of("application/pdf");
            case "jpg", "jpeg" -> Optional.of("image/jpeg");
            case "png" -> Optional.of("image/png");
            default -> Optional.empty();
        };
        if (expected.isEmpty()) {
            return Outcome.error("cases.public.apply.upload.type");
        }
        Optional<String> actual = sniff(content);
        if (actual.isEmpty() || !actual.get().equals(expected.get())) {
            return Outcome.error("cases.public.apply.upload.content");
        }
        return Outcome.ok(new Checked(name, actual.get(), content));
    }

    /** The content type from the file's signature: PDF ({@code %PDF-}), JPEG ({@code FF D8 FF}), PNG (8-byte signature). */
    static Optional<String> sniff(byte[] c) {
        if (c.length >= 5 && c[0] == '%' && c[1] == 'P' && c[2] == 'D' && c[3] == 'F' && c[4] == '-') {
            return Optional.of("application/pdf");
        }
        if (c.length >= 3 && (c[0] & 0xFF) == 0xFF && (c[1] & 0xFF) == 0xD8 && (c[2] & 0xFF) == 0xFF) {
            return Optional.of("image/jpeg");
        }
        if (c.length >= 8 && (c[0] & 0xFF) == 0x89 && c[1] == 'P' && c[2] == 'N' && c[3] == 'G' && c[4] == 0x0D
                && c[5] == 0x0A && c[6] == 0x1A && c[7] == 0x0A) {
            return Optional.of("image/png");
        }
        return Optional.empty();
    }

    /** The last path segment, without control characters, at most 200 characters (keeping the extension). */
    static String safeName(@Nullable String original) {
        String n = original == null ? "" : original;
        int slash = Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\'));
        n = n.substring(slash + 1).replaceAll("[\\p{Cntrl}\"<>|:*?]", "_").strip();
        if (n.isEmpty()) {
            n = "file";
        }
        if (n.length() > 200) {
            String ext = extension(n);
            n = n.substring(0, 199 - ext.length()) + "." + ext;
        }
        return n;
    }

    static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
