package org.openhall.organization.internal;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.openhall.organization.Post;

/** ORG-5: one term of a staff member on a post of a window (轮岗 history); {@code to} is null while it lasts. */
public record PostTerm(long id, long windowId, String windowNumber, String windowName, long staffId, String staffNumber,
        String staffName, Post post, LocalDate from, @Nullable LocalDate to, String reason, String recordedBy) {

    public boolean current() {
        return to == null;
    }
}
