package org.openhall.organization;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A training a staff member attended (ORG-4), with the test score if there was a test. */
public record TrainingData(
        @NotNull Long staffId,
        @NotNull TrainingCategory category,
        @NotBlank @Size(max = 200) String title,
        @NotNull LocalDate date,
        @NotNull @DecimalMin("0.5") @DecimalMax("200") BigDecimal hours,
        @Nullable @Min(0) @Max(100) Integer score,
        @Nullable @Size(max = 50) String trainer) {
}
