package org.openhall.organization;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A service window (ORG-3) with its A post and its named backup, the B post (ORG-4a).
 *
 * @param number   the window number, e.g. {@code 3} for 3号窗口
 * @param services the services handled (free text until the catalogue exists)
 */
public record WindowInfo(long id, long centreId, long departmentId, String number, String name, WindowType type,
        @Nullable String location, List<String> services, PostHolder postA, PostHolder postB, boolean active) {

    public WindowInfo {
        services = List.copyOf(services);
    }

    /** The holder of a post. */
    public PostHolder holder(Post post) {
        return post == Post.A ? postA : postB;
    }
}
