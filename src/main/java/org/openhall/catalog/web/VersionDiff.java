package org.openhall.catalog.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.openhall.catalog.FeeInfo;
import org.openhall.catalog.ItemData;
import org.openhall.catalog.MaterialInfo;

/**
 * What changed from one version of an item to the next (CAT-3), as message keys with arguments, for the version
 * history on the item page. Materials and fees are matched by their code.
 */
final class VersionDiff {

    /** One change: a message key of {@code catalog.diff.*} and its arguments. */
    record Change(String key, Object... args) {
    }

    private VersionDiff() {
    }

    static List<Change> between(ItemData before, ItemData after, Function<Long, String> departmentName,
            Function<Enum<?>, String> label) {
        List<Change> c = new ArrayList<>();
        if (!before.name().equals(after.name())) {
            c.add(new Change("catalog.diff.name", before.name(), after.name()));
        }
        if (before.departmentId() != after.departmentId()) {
            c.add(new Change("catalog.diff.department", departmentName.apply(before.departmentId()),
                    departmentName.apply(after.departmentId())));
        }
        if (before.type() != after.type()) {
            c.add(new Change("catalog.diff.type", label.apply(before.type()), label.apply(after.type())));
        }
        if (!before.assisting().equals(after.assisting())) {
            c.add(new Change("catalog.diff.assisting"));
        }
        if (!before.windowIds().equals(after.windowIds())) {
            c.add(new Change("catalog.diff.windows"));
        }
        if (before.statutoryLimitDays() != after.statutoryLimitDays()) {
            c.add(new Change("catalog.diff.statutory", before.statutoryLimitDays(), after.statutoryLimitDays()));
        }
        if (before.committedLimitDays() != after.committedLimitDays()) {
            c.add(new Change("catalog.diff.committed", before.committedLimitDays(), after.committedLimitDays()));
        }
        if (!Objects.equals(before.expeditedLimitDays(), after.expeditedLimitDays())) {
            c.add(new Change("catalog.diff.expedited", days(before.expeditedLimitDays()), days(after.expeditedLimitDays())));
        }
        text(c, "catalog.diff.legalBasis", before.legalBasis(), after.legalBasis());
        text(c, "catalog.diff.conditions", before.conditions(), after.conditions());
        text(c, "catalog.diff.outcome", before.outcome(), after.outcome());
        if (!Objects.equals(before.consultPhone(), after.consultPhone())) {
            c.add(new Change("catalog.diff.consultPhone", dash(before.consultPhone()), dash(after.consultPhone())));
        }
        if (!before.steps().equals(after.steps())) {
            c.add(new Change("catalog.diff.steps", before.steps().size(), after.steps().size()));
        }
        flag(c, "catalog.diff.online", before.online(), after.online());
        flag(c, "catalog.diff.appointment", before.appointment(), after.appointment());
        flag(c, "catalog.diff.greenChannel", before.greenChannel(), after.greenChannel());
        flag(c, "catalog.diff.review", before.reviewRequired(), after.reviewRequired());

        Map<String, MaterialInfo> oldM = byCode(before.materials(), MaterialInfo::code);
        Map<String, MaterialInfo> newM = byCode(after.materials(), MaterialInfo::code);
        for (MaterialInfo m : after.materials()) {
            MaterialInfo o = oldM.get(m.code());
            if (o == null) {
                c.add(new Change("catalog.diff.materialAdded", m.name()));
            } else if (!sameMaterial(o, m)) {
                c.add(new Change("catalog.diff.materialChanged", m.name()));
            }
        }
        for (MaterialInfo o : before.materials()) {
            if (!newM.containsKey(o.code())) {
                c.add(new Change("catalog.diff.materialRemoved", o.name()));
            }
        }
        Map<String, FeeInfo> oldF = byCode(before.fees(), FeeInfo::code);
        Map<String, FeeInfo> newF = byCode(after.fees(), FeeInfo::code);
        for (FeeInfo f : after.fees()) {
            FeeInfo o = oldF.get(f.code());
            if (o == null) {
                c.add(new Change("catalog.diff.feeAdded", f.name(), f.amount().toPlainString()));
            } else if (o.amount().compareTo(f.amount()) != 0) {
                c.add(new Change("catalog.diff.feeAmount", f.name(), o.amount().toPlainString(), f.amount().toPlainString()));
            } else if (!o.name().equals(f.name()) || !Objects.equals(o.basis(), f.basis())) {
                c.add(new Change("catalog.diff.feeChanged", f.name()));
            }
        }
        for (FeeInfo o : before.fees()) {
            if (!newF.containsKey(o.code())) {
                c.add(new Change("catalog.diff.feeRemoved", o.name()));
            }
        }
        if (c.isEmpty()) {
            c.add(new Change("catalog.diff.none"));
        }
        return c;
    }

    private static boolean sameMaterial(MaterialInfo a, MaterialInfo b) {
        return a.name().equals(b.name()) && a.requirement() == b.requirement() && Objects.equals(a.form(), b.form())
                && a.copies() == b.copies() && Objects.equals(a.notes(), b.notes());
    }

    private static <T> Map<String, T> byCode(List<T> list, Function<T, String> code) {
        Map<String, T> m = new LinkedHashMap<>();
        list.forEach(x -> m.put(code.apply(x), x));
        return m;
    }

    private static void text(List<Change> c, String key, @Nullable String a, @Nullable String b) {
        if (!Objects.equals(a, b)) {
            c.add(new Change(key));
        }
    }

    private static void flag(List<Change> c, String key, boolean a, boolean b) {
        if (a != b) {
            c.add(new Change(key + (b ? ".on" : ".off")));
        }
    }

    private static String days(@Nullable Integer d) {
        return d == null ? "—" : d.toString();
    }

    private static String dash(@Nullable String s) {
        return s == null ? "—" : s;
    }
}
