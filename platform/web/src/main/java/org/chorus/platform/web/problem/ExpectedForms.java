package org.chorus.platform.web.problem;

import java.math.BigInteger;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** What a field of a given type takes, in the words a problem uses to tell the caller: "expected a whole number". */
public final class ExpectedForms {

    private static final Set<Class<?>> WHOLE_NUMBERS = Set.of(Integer.class, int.class, Long.class, long.class,
            Short.class, short.class, BigInteger.class);

    private ExpectedForms() {
    }

    /** The form a value read as {@code target} is written in; "a different value" when nothing says. */
    public static String of(Class<?> target) {
        if (target == null) {
            return "a different value";
        }
        if (target.isEnum()) {
            return "one of " + Arrays.toString(target.getEnumConstants());
        }
        if (WHOLE_NUMBERS.contains(target)) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(target) || target.isPrimitive() && target != boolean.class) {
            return "a number";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "true or false";
        }
        if (target == String.class) {
            return "a string";
        }
        if (List.class.isAssignableFrom(target) || target.isArray() || Collection.class.isAssignableFrom(target)) {
            return "an array";
        }
        if (target == UUID.class) {
            // The one form WrittenUuids reads.
            return "a UUID written as 36 characters: hexadecimal digits in groups of 8, 4, 4, 4 and 12, joined by "
                    + "hyphens";
        }
        if (target == LocalDate.class) {
            return "a date written as 2024-06-01";
        }
        if (Temporal.class.isAssignableFrom(target)) {
            return "a time written as 2024-06-01T09:30:00Z, or with an offset in place of Z";
        }
        return "an object";
    }
}
