package org.openhall.organization.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openhall.organization.WindowType;

/** A row of {@code org_window}. */
public record ServiceWindow(long id, long centreId, long departmentId, String number, String name, WindowType type,
        @Nullable String location, List<String> services, long postAStaffId, long postBStaffId, boolean active) {

    public ServiceWindow {
        services = List.copyOf(services);
    }
}
