package org.chorus.directory.organisation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Duration;
import java.time.format.DateTimeParseException;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** A rate limit's refill period, checked here so that the gateway only ever gets an ISO-8601 duration it can use. */
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = RatePeriod.Validator.class)
public @interface RatePeriod {

    // Below a second a bucket is a hair-trigger; beyond a day an address that once hit the limit would be held back
    // for longer than any partner could explain.
    Duration SHORTEST = Duration.ofSeconds(1);
    Duration LONGEST = Duration.ofDays(1);

    String message() default "must be an ISO-8601 duration from PT1S to PT24H, e.g. PT1M";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Null is left to {@code @NotNull}, so that a missing period and a malformed one each get their own words. */
    class Validator implements ConstraintValidator<RatePeriod, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            try {
                Duration period = Duration.parse(value.strip());
                return period.compareTo(SHORTEST) >= 0 && period.compareTo(LONGEST) <= 0;
            } catch (DateTimeParseException e) {
                return false;
            }
        }
    }
}
