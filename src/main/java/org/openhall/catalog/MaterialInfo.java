package org.openhall.catalog;

import org.jspecify.annotations.Nullable;

/**
 * A material of an item's checklist (CAT-1).
 *
 * @param code        stable within the item across versions, e.g. {@code M01}
 * @param form        原件 / 复印件 / 原件及复印件 etc., free text
 * @param copies      how many copies
 * @param notes       fill-in instructions (填写说明)
 * @param sampleFile  the file name of the sample form (样表/范本), if the item has one; served by the guide pages
 */
public record MaterialInfo(String code, String name, MaterialRequirement requirement, @Nullable String form, int copies,
        @Nullable String notes, @Nullable String sampleFile) {
}
