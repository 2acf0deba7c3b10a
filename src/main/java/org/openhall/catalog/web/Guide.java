package org.openhall.catalog.web;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openhall.catalog.FeeInfo;
import org.openhall.catalog.ItemData;
import org.openhall.catalog.MaterialInfo;
import org.openhall.catalog.internal.StoredVersion;
import org.openhall.organization.CentreInfo;

/**
 * An item version with the names of its centre, departments and windows resolved: what the guide page (办事指南),
 * the staff pages, the PDF and the API show (CAT-1, CAT-2). Holds no personal data.
 */
public record Guide(StoredVersion item, CentreInfo centre, Dept department, List<Assist> assisting, List<Win> windows) {

    public record Dept(long id, String code, String name) {
    }

    public record Assist(long departmentId, String code, String name, int limitDays) {
    }

    public record Win(long id, String number, String name, @Nullable String location) {
    }

    public ItemData data() {
        return item.data();
    }

    /** The sum of the fee items; zero when the item is free (不收费). */
    public BigDecimal totalFees() {
        return item.data().fees().stream().map(FeeInfo::amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    public boolean free() {
        return totalFees().signum() == 0;
    }

    public @Nullable Long sampleFileId(MaterialInfo m) {
        return item.sampleFileId(m.code());
    }
}
