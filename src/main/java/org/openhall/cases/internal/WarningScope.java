package org.openhall.cases.internal;

import java.time.ZoneId;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openhall.organization.CentreInfo;

/**
 * What the signed-in user sees of the warnings board and the on-time statistics (SEC-1 data scope): one centre (an
 * ADMIN chooses, everyone else has their own) and, for a DEPT_HEAD, one department.
 *
 * @param departmentLimit the only department the user sees; {@code null} = every department of the centre
 * @param canScan         whether the user may start a scan (CENTRE_OFFICE, SUPERVISOR, ADMIN)
 * @param centreChoices   the centres an ADMIN may switch to (empty for everyone else)
 */
public record WarningScope(long centreId, String centreCode, String centreName, ZoneId zone,
        @Nullable Long departmentLimit, boolean canScan, List<CentreInfo> centreChoices) {

    public WarningScope {
        centreChoices = List.copyOf(centreChoices);
    }

    /** The department a query is limited to: the user's own, else the one asked for (or none). */
    public @Nullable Long department(@Nullable Long requested) {
        return departmentLimit != null ? departmentLimit : requested;
    }
}
