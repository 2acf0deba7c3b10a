package org.openhall.cases.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;
import org.openhall.cases.CaseStatus;

/** The few facts of a case that fees and receipts need (read from cas_case). */
public record FeeCase(long id, long centreId, String number, CaseStatus status, long itemVersionId, String itemCode,
        String itemName, long departmentId, @Nullable Long windowId, String applicantName) {

    static final String COLUMNS = "id, centre_id, number, status, item_version_id, item_code, item_name, department_id, "
            + "window_id, applicant_name";

    static FeeCase map(ResultSet rs, int n) throws SQLException {
        long window = rs.getLong("window_id");
        return new FeeCase(rs.getLong("id"), rs.getLong("centre_id"), rs.getString("number"),
                CaseStatus.valueOf(rs.getString("status")), rs.getLong("item_version_id"), rs.getString("item_code"),
                rs.getString("item_name"), rs.getLong("department_id"), rs.wasNull() ? null : window,
                rs.getString("applicant_name"));
    }

    /** CASE-8: no money is taken on a case that was not accepted (不予受理) or is filed (归档, read-only). */
    public boolean acceptsPayments() {
        return status != CaseStatus.REJECTED && status != CaseStatus.ARCHIVED;
    }
}
