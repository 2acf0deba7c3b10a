package org.openhall.organization;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The editable data of a centre (ORG-1). The code is fixed once the centre exists.
 *
 * @param code e.g. {@code QX-SSC}: capital letters, digits and dashes
 * @param zone an IANA time zone, {@code Asia/Shanghai} when blank
 */
public record CentreData(
        @NotBlank @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{1,31}", message = "{org.centre.code.pattern}") String code,
        @NotBlank @Size(max = 100) String name,
        @Nullable @Size(max = 64) String zone,
        @Nullable @Size(max = 200) String address,
        @Nullable @Pattern(regexp = "[0-9+()\\- ]{5,30}", message = "{org.phone.pattern}") String phone) {
}
