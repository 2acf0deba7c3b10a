package org.openhall.catalog.internal;

import java.util.Locale;
import java.util.Optional;

/**
 * The file types a sample form (样表/范本) may have: PDF, DOC, DOCX, XLSX, JPG, PNG, recognised by the file name's
 * extension and confirmed by the first bytes of the content, so that a renamed executable is refused.
 */
public final class SampleFiles {

    private SampleFiles() {
    }

    /** The content type for a file name and content, or empty when the type is not allowed or does not match. */
    public static Optional<String> contentType(String fileName, byte[] content) {
        String name = fileName.toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1);
        return switch (ext) {
            case "pdf" -> starts(content, 0x25, 0x50, 0x44, 0x46) ? Optional.of("application/pdf") : Optional.empty();
            case "doc" -> starts(content, 0xD0, 0xCF, 0x11, 0xE0) ? Optional.of("application/msword") : Optional.empty();
            case "docx" -> starts(content, 0x50, 0x4B, 0x03, 0x04)
                    ? Optional.of("application/vnd.openxmlformats-officedocument.wordprocessingml.document")
                    : Optional.empty();
            case "xlsx" -> starts(content, 0x50, 0x4B, 0x03, 0x04)
                    ? Optional.of("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                    : Optional.empty();
            case "jpg", "jpeg" -> starts(content, 0xFF, 0xD8, 0xFF) ? Optional.of("image/jpeg") : Optional.empty();
            case "png" -> starts(content, 0x89, 0x50, 0x4E, 0x47) ? Optional.of("image/png") : Optional.empty();
            default -> Optional.empty();
        };
    }

    private static boolean starts(byte[] content, int... magic) {
        if (content.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((content[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    /** The last path segment of an uploaded file's name, without characters that break a download header. */
    public static String cleanName(String fileName) {
        String n = fileName.replace('\\', '/');
        n = n.substring(n.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "").strip();
        return n.length() > 200 ? n.substring(n.length() - 200) : n;
    }
}
