package org.openhall.catalog.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.openhall.catalog.AssistingDepartment;
import org.openhall.catalog.FeeInfo;
import org.openhall.catalog.ItemData;
import org.openhall.catalog.ItemType;
import org.openhall.catalog.MaterialInfo;

/**
 * The rules an item version keeps (CAT-1), as a plain function so that the service, the pages and the
 * Excel import report the same messages. Every broken rule is listed, in the order of the fields.
 *
 * <ul>
 * <li>the lead department, the assisting departments and the windows belong to the item's centre (and are active);</li>
 * <li>the committed limit is never above the statutory limit (服务承诺制: 承诺时限 ≤ 法定时限);</li>
 * <li>an INSTANT item (即办件) is finished the same day: committed limit 0; every other type needs ≥ 1 working day;</li>
 * <li>a JOINT item (联办件) has at least one assisting department, each with its own limit of 1 .. the committed
 *     limit (CASE-5a); other types have none;</li>
 * <li>material and fee codes are unique within the version; fee amounts are ≥ 0 yuan with at most 2 decimals
 *     (收费管理: exact money).</li>
 * </ul>
 */
public final class ItemRules {

    public static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,39}");
    public static final Pattern PART_CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,19}");
    public static final int MAX_NAME = 200;
    public static final int MAX_LEGAL_BASIS = 2000;
    public static final int MAX_CONDITIONS = 2000;
    public static final int MAX_OUTCOME = 500;
    public static final int MAX_PHONE = 30;
    public static final int MAX_STEP = 500;
    public static final int MAX_STEPS = 30;
    public static final int MAX_MATERIALS = 60;
    public static final int MAX_FEES = 20;
    public static final int MAX_FORM = 50;
    public static final int MAX_NOTES = 1000;
    public static final int MAX_BASIS = 500;
    public static final int MAX_COPIES = 99;
    /** A legal time limit beyond one year of working days is a typing error. */
    public static final int MAX_LIMIT_DAYS = 365;
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("9999999999.99");

    private ItemRules() {
    }

    /**
     * Checks an item version.
     *
     * @param departments the active departments of the item's centre
     * @param windows     the active windows of the item's centre
     */
    public static List<Violation> check(ItemData d, Set<Long> departments, Set<Long> windows) {
        List<Violation> v = new ArrayList<>();
        if (d.code() == null || d.code().isBlank()) {
            v.add(new Violation("code", "catalog.item.code.blank"));
        } else if (!CODE.matcher(d.code().strip()).matches()) {
            v.add(new Violation("code", "catalog.item.code.pattern"));
        }
        if (d.name() == null || d.name().isBlank()) {
            v.add(new Violation("name", "catalog.item.name.blank"));
        } else {
            length(v, "name", d.name(), MAX_NAME);
        }
        if (!departments.contains(d.departmentId())) {
            v.add(new Violation("departmentId", "catalog.item.department.unknown"));
        }
        Set<Long> seenWindows = new HashSet<>();
        for (int i = 0; i < d.windowIds().size(); i++) {
            Long w = d.windowIds().get(i);
            if (w == null || !windows.contains(w)) {
                v.add(new Violation("windowIds[" + i + "]", "catalog.item.window.unknown"));
            } else if (!seenWindows.add(w)) {
                v.add(new Violation("windowIds[" + i + "]", "catalog.item.window.duplicate"));
            }
        }
        length(v, "legalBasis", d.legalBasis(), MAX_LEGAL_BASIS);
        length(v, "conditions", d.conditions(), MAX_CONDITIONS);
        length(v, "outcome", d.outcome(), MAX_OUTCOME);
        length(v, "consultPhone", d.consultPhone(), MAX_PHONE);
        limits(v, d);
        assisting(v, d, departments);
        steps(v, d.steps());
        materials(v, d.materials());
        fees(v, d.fees());
        return v;
    }

    private static void limits(List<Violation> v, ItemData d) {
        if (d.type() == null) {
            v.add(new Violation("type", "catalog.item.type.missing"));
            return;
        }
        int statutory = d.statutoryLimitDays();
        int committed = d.committedLimitDays();
        if (statutory < 0 || statutory > MAX_LIMIT_DAYS) {
            v.add(new Violation("statutoryLimitDays", "catalog.item.statutory.range", MAX_LIMIT_DAYS));
        }
        if (d.type() == ItemType.INSTANT) {
            // 即办件: 当场办结
            if (committed != 0) {
                v.add(new Violation("committedLimitDays", "catalog.item.committed.instant"));
            }
            if (d.expeditedLimitDays() != null) {
                v.add(new Violation("expeditedLimitDays", "catalog.item.expedited.instant"));
            }
            return;
        }
        if (committed < 1) {
            v.add(new Violation("committedLimitDays", "catalog.item.committed.positive"));
        } else if (committed > statutory && statutory >= 0) {
            // 服务承诺制: the committed limit shortens the statutory one, never lengthens it
            v.add(new Violation("committedLimitDays", "catalog.item.committed.aboveStatutory", committed, statutory));
        }
        Integer expedited = d.expeditedLimitDays();
        if (expedited != null && (expedited < 1 || expedited > Math.max(committed, 1))) {
            v.add(new Violation("expeditedLimitDays", "catalog.item.expedited.range", committed));
        }
    }

    private static void assisting(List<Violation> v, ItemData d, Set<Long> departments) {
        List<AssistingDepartment> assisting = d.assisting();
        if (d.type() != ItemType.JOINT) {
            if (!assisting.isEmpty()) {
                v.add(new Violation("assisting", "catalog.item.assisting.notJoint"));
            }
            return;
        }
        if (assisting.isEmpty()) {
            v.add(new Violation("assisting", "catalog.item.assisting.required"));
            return;
        }
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < assisting.size(); i++) {
            AssistingDepartment a = assisting.get(i);
            String field = "assisting[" + i + "]";
            if (a == null || !departments.contains(a.departmentId())) {
                v.add(new Violation(field + ".departmentId", "catalog.item.assisting.unknown"));
                continue;
            }
            if (a.departmentId() == d.departmentId()) {
                v.add(new Violation(field + ".departmentId", "catalog.item.assisting.lead"));
            } else if (!seen.add(a.departmentId())) {
                v.add(new Violation(field + ".departmentId", "catalog.item.assisting.duplicate"));
            }
            // CASE-5a: each assisting department answers within its own limit, inside the committed limit
            if (a.limitDays() < 1 || a.limitDays() > Math.max(d.committedLimitDays(), 1)) {
                v.add(new Violation(field + ".limitDays", "catalog.item.assisting.limit", d.committedLimitDays()));
            }
        }
    }

    private static void steps(List<Violation> v, List<String> steps) {
        if (steps.size() > MAX_STEPS) {
            v.add(new Violation("steps", "catalog.item.steps.tooMany", MAX_STEPS));
        }
        for (int i = 0; i < steps.size(); i++) {
            String s = steps.get(i);
            if (s == null || s.isBlank()) {
                v.add(new Violation("steps[" + i + "]", "catalog.item.step.blank"));
            } else {
                length(v, "steps[" + i + "]", s, MAX_STEP);
            }
        }
    }

    private static void materials(List<Violation> v, List<MaterialInfo> materials) {
        if (materials.size() > MAX_MATERIALS) {
            v.add(new Violation("materials", "catalog.item.materials.tooMany", MAX_MATERIALS));
        }
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < materials.size(); i++) {
            MaterialInfo m = materials.get(i);
            String f = "materials[" + i + "].";
            if (m == null) {
                v.add(new Violation("materials[" + i + "]", "catalog.item.material.name.blank"));
                continue;
            }
            if (m.code() == null || m.code().isBlank()) {
                v.add(new Violation(f + "code", "catalog.item.material.code.blank"));
            } else if (!PART_CODE.matcher(m.code().strip()).matches()) {
                v.add(new Violation(f + "code", "catalog.item.material.code.pattern"));
            } else if (!codes.add(m.code().strip())) {
                v.add(new Violation(f + "code", "catalog.item.material.code.duplicate", m.code().strip()));
            }
            if (m.name() == null || m.name().isBlank()) {
                v.add(new Violation(f + "name", "catalog.item.material.name.blank"));
            } else {
                length(v, f + "name", m.name(), MAX_NAME);
            }
            if (m.requirement() == null) {
                v.add(new Violation(f + "requirement", "catalog.item.material.requirement.missing"));
            }
            length(v, f + "form", m.form(), MAX_FORM);
            if (m.copies() < 0 || m.copies() > MAX_COPIES) {
                v.add(new Violation(f + "copies", "catalog.item.material.copies", MAX_COPIES));
            }
            length(v, f + "notes", m.notes(), MAX_NOTES);
        }
    }

    private static void fees(List<Violation> v, List<FeeInfo> fees) {
        if (fees.size() > MAX_FEES) {
            v.add(new Violation("fees", "catalog.item.fees.tooMany", MAX_FEES));
        }
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < fees.size(); i++) {
            FeeInfo fee = fees.get(i);
            String f = "fees[" + i + "].";
            if (fee == null) {
                v.add(new Violation("fees[" + i + "]", "catalog.item.fee.name.blank"));
                continue;
            }
            if (fee.code() == null || fee.code().isBlank()) {
                v.add(new Violation(f + "code", "catalog.item.fee.code.blank"));
            } else if (!PART_CODE.matcher(fee.code().strip()).matches()) {
                v.add(new Violation(f + "code", "catalog.item.fee.code.pattern"));
            } else if (!codes.add(fee.code().strip())) {
                v.add(new Violation(f + "code", "catalog.item.fee.code.duplicate", fee.code().strip()));
            }
            if (fee.name() == null || fee.name().isBlank()) {
                v.add(new Violation(f + "name", "catalog.item.fee.name.blank"));
            } else {
                length(v, f + "name", fee.name(), MAX_NAME);
            }
            BigDecimal amount = fee.amount();
            if (amount == null) {
                v.add(new Violation(f + "amount", "catalog.item.fee.amount.missing"));
            } else if (amount.signum() < 0) {
                v.add(new Violation(f + "amount", "catalog.item.fee.amount.negative"));
            } else if (amount.stripTrailingZeros().scale() > 2) {
                v.add(new Violation(f + "amount", "catalog.item.fee.amount.scale"));
            } else if (amount.compareTo(MAX_AMOUNT) > 0) {
                v.add(new Violation(f + "amount", "catalog.item.fee.amount.max"));
            }
            length(v, f + "basis", fee.basis(), MAX_BASIS);
        }
    }

    private static void length(List<Violation> v, String field, @Nullable String value, int max) {
        if (value != null && value.strip().length() > max) {
            v.add(new Violation(field, "catalog.item.tooLong", max));
        }
    }
}
