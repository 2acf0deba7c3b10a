package org.openhall.cases;

import java.time.LocalDate;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Read access to cases for the other modules (queue, feedback, reporting). */
public interface CaseApi {

    /** A case without personal data. */
    record CaseSummary(long id, long centreId, String number, String itemCode, String itemName, long departmentId,
            @Nullable Long windowId, @Nullable Long handlerStaffId, CaseStatus status, @Nullable LocalDate dueDate,
            WarningLevel warningLevel, @Nullable CaseResult result) {
    }

    Optional<CaseSummary> byNumber(String number);
}
