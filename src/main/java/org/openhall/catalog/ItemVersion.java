package org.openhall.catalog;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One version of a service item (CAT-1, CAT-3). Editing an item creates a new version; cases keep the
 * version they were received under ({@code versionId}).
 *
 * @param itemId               the item across its versions
 * @param versionId            this version
 * @param version              1, 2, 3, ...
 * @param departmentId         the lead department (承办部门)
 * @param assisting            the assisting departments of a JOINT item with their own limits; empty otherwise
 * @param windowIds            the windows that receive it
 * @param steps                the procedure steps (办理流程) in order
 * @param statutoryLimitDays   the legal time limit in working days (法定时限)
 * @param committedLimitDays   the centre's committed limit in working days (承诺时限), never above the statutory one;
 *                             0 for an INSTANT item (finished the same day)
 * @param expeditedLimitDays   the shortened limit for the green channel / expedited cases (加急), if any
 * @param reviewRequired       cases of this item pass a review step (审核把关) before completion (CASE-4)
 * @param online               online application allowed (网上办理, CASE-10)
 * @param appointment          appointments allowed (预约)
 * @param greenChannel         green-channel eligible (绿色通道)
 * @param current              whether this is the item's current version
 * @param active               whether the item is offered at all
 */
public record ItemVersion(long itemId, long versionId, long centreId, String code, int version, String name,
        long departmentId, List<AssistingDepartment> assisting, List<Long> windowIds, ItemType type,
        @Nullable String legalBasis, List<String> steps, int statutoryLimitDays, int committedLimitDays,
        @Nullable Integer expeditedLimitDays, boolean reviewRequired, List<FeeInfo> fees, List<MaterialInfo> materials,
        boolean online, boolean appointment, boolean greenChannel, boolean current, boolean active) {

    public ItemVersion {
        assisting = List.copyOf(assisting);
        windowIds = List.copyOf(windowIds);
        steps = List.copyOf(steps);
        fees = List.copyOf(fees);
        materials = List.copyOf(materials);
    }

    /** The material with this code, if the item lists it. */
    public java.util.Optional<MaterialInfo> material(String code) {
        return materials.stream().filter(m -> m.code().equals(code)).findFirst();
    }

    /** The fee item with this code, if the item lists it. */
    public java.util.Optional<FeeInfo> fee(String code) {
        return fees.stream().filter(f -> f.code().equals(code)).findFirst();
    }
}
