package org.openhall.cases.web;

import java.util.Locale;
import org.openhall.cases.NoticeKind;
import org.openhall.shared.DomainException;

/** The kind of a notice in a URL: its enum name in lower case, e.g. {@code receipt}, {@code correction}. */
final class NoticeKinds {

    private NoticeKinds() {
    }

    static NoticeKind parse(String kind) {
        try {
            return NoticeKind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.notFound("cases.notice.notFound", kind);
        }
    }
}
