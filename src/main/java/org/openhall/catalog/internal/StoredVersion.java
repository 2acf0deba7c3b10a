package org.openhall.catalog.internal;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.openhall.catalog.ItemData;
import org.openhall.catalog.ItemVersion;

/**
 * One stored version of an item with everything the pages show (CAT-1, CAT-3): the content as {@link ItemData},
 * who saved it when and why, and the sample form files of its materials by material code.
 */
public record StoredVersion(long itemId, long versionId, int version, ItemData data, boolean current, boolean active,
        Instant createdAt, String createdBy, @Nullable String changeNote, Map<String, Long> sampleFileIds) {

    public StoredVersion {
        sampleFileIds = Map.copyOf(sampleFileIds);
    }

    public String code() {
        return data.code();
    }

    public String name() {
        return data.name();
    }

    public long centreId() {
        return data.centreId();
    }

    public @Nullable Long sampleFileId(String materialCode) {
        return sampleFileIds.get(materialCode);
    }

    public ItemVersion toItemVersion() {
        ItemData d = data;
        return new ItemVersion(itemId, versionId, d.centreId(), d.code(), version, d.name(), d.departmentId(),
                d.assisting(), d.windowIds(), d.type(), d.legalBasis(), d.steps(), d.statutoryLimitDays(),
                d.committedLimitDays(), d.expeditedLimitDays(), d.reviewRequired(), d.fees(), d.materials(), d.online(),
                d.appointment(), d.greenChannel(), current, active);
    }
}
