package org.openhall.duty.internal.roster;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.openhall.organization.DepartmentInfo;

/**
 * The order in which departments take their turn to provide the supervisor (督导员值班制度 二.1): the departments named
 * in {@code openhall.duty.roster.rotation} in that order (matched by name); when none of the names matches a
 * department of the centre, all its departments in their duty order.
 */
public final class RosterRotation {

    private RosterRotation() {
    }

    public static List<DepartmentInfo> order(List<DepartmentInfo> departments, List<String> rotation) {
        List<DepartmentInfo> ordered = new ArrayList<>();
        for (String name : rotation) {
            departments.stream().filter(d -> d.name().equals(name.strip()) && !ordered.contains(d)).findFirst()
                    .ifPresent(ordered::add);
        }
        if (!ordered.isEmpty()) {
            return ordered;
        }
        departments.stream()
                .sorted(Comparator.comparingInt(DepartmentInfo::dutyOrder).thenComparing(DepartmentInfo::name))
                .forEach(ordered::add);
        return ordered;
    }
}
