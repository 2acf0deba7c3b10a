package org.openhall.catalog;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The content of a service item version, as entered, imported or loaded (CAT-1). See {@link ItemVersion}
 * for the meaning of the fields; {@code conditions} are the acceptance conditions (受理条件), {@code outcome}
 * what the applicant receives (办理结果, e.g. a certificate), {@code consultPhone} the phone for questions.
 */
public record ItemData(long centreId, String code, String name, long departmentId, List<AssistingDepartment> assisting,
        List<Long> windowIds, ItemType type, @Nullable String legalBasis, @Nullable String conditions,
        @Nullable String outcome, @Nullable String consultPhone, List<String> steps, int statutoryLimitDays,
        int committedLimitDays, @Nullable Integer expeditedLimitDays, boolean reviewRequired, List<FeeInfo> fees,
        List<MaterialInfo> materials, boolean online, boolean appointment, boolean greenChannel) {

    public ItemData {
        assisting = List.copyOf(assisting);
        windowIds = List.copyOf(windowIds);
        steps = List.copyOf(steps);
        fees = List.copyOf(fees);
        materials = List.copyOf(materials);
    }
}
