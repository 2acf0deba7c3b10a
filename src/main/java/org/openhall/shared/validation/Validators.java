package org.openhall.shared.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.openhall.shared.ChineseIdNumber;
import org.openhall.shared.MobileNumber;
import org.openhall.shared.UnifiedSocialCreditCode;

/** Bean Validation adapters for the value types; blank passes (use @NotBlank for required fields). */
public final class Validators {

    private Validators() {
    }

    private static boolean check(@Nullable String value, ConstraintValidatorContext ctx,
            Function<String, Optional<String>> rule) {
        if (value == null || value.isBlank()) {
            return true;
        }
        Optional<String> problem = rule.apply(value);
        if (problem.isPresent()) {
            ctx.disableDefaultConstraintViolation();
            ctx.buildConstraintViolationWithTemplate("{" + problem.get() + "}").addConstraintViolation();
            return false;
        }
        return true;
    }

    public static final class IdNumber implements ConstraintValidator<ChineseId, String> {
        @Override
        public boolean isValid(@Nullable String value, ConstraintValidatorContext ctx) {
            return check(value, ctx, ChineseIdNumber::validationError);
        }
    }

    public static final class Mobile implements ConstraintValidator<org.openhall.shared.validation.Mobile, String> {
        @Override
        public boolean isValid(@Nullable String value, ConstraintValidatorContext ctx) {
            return check(value, ctx, MobileNumber::validationError);
        }
    }

    public static final class CreditCode implements ConstraintValidator<org.openhall.shared.validation.CreditCode, String> {
        @Override
        public boolean isValid(@Nullable String value, ConstraintValidatorContext ctx) {
            return check(value, ctx, UnifiedSocialCreditCode::validationError);
        }
    }
}
