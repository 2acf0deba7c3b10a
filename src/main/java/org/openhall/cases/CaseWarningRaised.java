package org.openhall.cases;

import org.jspecify.annotations.Nullable;

/** The warning scan raised a case (or one of its steps, {@code stepId}) to YELLOW or RED (电子监察, CASE-5). */
public record CaseWarningRaised(long caseId, long centreId, String number, @Nullable Long stepId, WarningLevel level,
        @Nullable Long responsibleStaffId) {
}
