package org.openhall.organization;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** The editable data of a department or stationed unit (ORG-1). */
public record DepartmentData(
        @NotNull Long centreId,
        @NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]{0,31}", message = "{org.department.code.pattern}") String code,
        @NotBlank @Size(max = 100) String name,
        @NotNull DepartmentKind kind,
        @Nullable @Size(max = 50) String headName,
        @Nullable @Pattern(regexp = "[0-9+()\\- ]{5,30}", message = "{org.phone.pattern}") String phone,
        @NotNull @Min(0) @Max(999) Integer dutyOrder) {
}
