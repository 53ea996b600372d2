package org.chorus.platform.web.caller;

import java.lang.reflect.Method;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

import jakarta.annotation.security.RolesAllowed;

/**
 * What a key refused for its scopes is told: the scopes the operation takes and those the key holds, so that whoever
 * holds the key knows what to ask an administrator for, without reading the API description.
 */
public final class ScopesNeeded {

    private ScopesNeeded() {
    }

    /** The roles the operation admits: its method's {@code @RolesAllowed}, else its class's; empty when neither says. */
    public static List<String> of(Method operation, Class<?> resource) {
        return Stream.of(operation, resource)
                .map(element -> element == null ? null : element.getAnnotation(RolesAllowed.class))
                .filter(rule -> rule != null)
                .findFirst()
                .map(rule -> List.of(rule.value()))
                .orElse(List.of());
    }

    /**
     * @param accepted the roles the operation admits (scopes, or {@link Scopes#ANY_SECRET_KEY})
     * @param holds whether the key used holds a role
     * @return the problem's detail, or empty when the operation names no scope to ask for
     */
    public static Optional<String> detail(Collection<String> accepted, Predicate<String> holds) {
        if (accepted.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("This operation needs " + needs(accepted) + "; the key used " + has(holds) + ".");
    }

    private static String needs(Collection<String> accepted) {
        List<String> scopes = accepted.stream().filter(role -> !role.equals(Scopes.ANY_SECRET_KEY)).sorted().toList();
        if (!accepted.contains(Scopes.ANY_SECRET_KEY)) {
            return "a key with " + scopeWords(scopes);
        }
        String secret = "a secret key (any scope)";
        return scopes.isEmpty() ? secret : secret + " or a key with " + scopeWords(scopes);
    }

    private static String has(Predicate<String> holds) {
        if (!holds.test(Scopes.ANY_SECRET_KEY)) {
            return "is a publishable key, which holds " + Scopes.PUBLIC + " alone";
        }
        List<String> held = Scopes.SECRET_SCOPES.stream().filter(holds).sorted().toList();
        return held.isEmpty() ? "is a secret key with no scope" : "has " + String.join(", ", held);
    }

    private static String scopeWords(List<String> scopes) {
        if (scopes.size() == 1) {
            return "the scope " + scopes.get(0);
        }
        return "one of the scopes " + String.join(", ", scopes.subList(0, scopes.size() - 1)) + " or "
                + scopes.get(scopes.size() - 1);
    }
}
