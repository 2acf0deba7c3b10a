package org.openhall.organization;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.openhall.security.Role;
import org.openhall.shared.validation.ChineseId;
import org.openhall.shared.validation.Mobile;

/**
 * The data of a staff member (ORG-2). The ID number is optional; when given it must pass the GB 11643
 * check (SEC-4). The optional login account ({@code username}, {@code password} of at least 8
 * characters, {@code roles}) is created together with a new staff record; updates ignore it.
 */
public record StaffData(
        @NotNull Long departmentId,
        @NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]{0,31}", message = "{org.staff.number.pattern}") String staffNumber,
        @NotBlank @Size(max = 50) String name,
        @NotNull Gender gender,
        @Nullable @ChineseId String idNumber,
        @Nullable @Mobile String mobile,
        @Nullable @Size(max = 50) String position,
        @Nullable @Size(max = 500) String duties,
        @NotNull EmploymentType employmentType,
        @Nullable Boolean publicProfile,
        @Nullable @Pattern(regexp = "[A-Za-z0-9._-]{3,64}", message = "{org.staff.username.pattern}") String username,
        @Nullable @Size(min = 8, max = 100) String password,
        @Nullable Set<Role> roles) {

    /** Whether the staff member appears on the public notice board (办事公开); no when not given. */
    public boolean isPublic() {
        return Boolean.TRUE.equals(publicProfile);
    }

    public boolean wantsLogin() {
        return username != null && !username.isBlank();
    }
}
