package org.openhall.organization;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The data of a service window (ORG-3) with its A and B posts (ORG-4a).
 *
 * @param number      the window number shown as 3号窗口: digits and letters
 * @param services    the services handled, one per entry (free text until the catalogue exists): at most 30 of at
 *                    most 60 characters each, so that they fit the stored column (varchar 2000)
 * @param postsSince  when the named holders took their posts; today when null
 */
public record WindowData(
        @NotNull Long departmentId,
        @NotBlank @Pattern(regexp = "[A-Za-z0-9-]{1,16}", message = "{org.window.number.pattern}") String number,
        @NotBlank @Size(max = 100) String name,
        @NotNull WindowType type,
        @Nullable @Size(max = 100) String location,
        @Nullable @Size(max = 30, message = "{org.window.services.size}") List<
                @NotBlank(message = "{org.window.services.blank}")
                @Size(max = 60, message = "{org.window.services.size}") String> services,
        @NotNull Long postAStaffId,
        @NotNull Long postBStaffId,
        @Nullable LocalDate postsSince) {
}
