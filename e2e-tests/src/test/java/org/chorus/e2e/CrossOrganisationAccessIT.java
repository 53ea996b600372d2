package org.chorus.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.chorus.e2e.CrossOrganisationRule.Kind;
import org.junit.jupiter.api.Test;

import io.restassured.response.Response;

/**
 * Another organisation's key, holding every scope an operation asks for and sending a request the owner may send,
 * changes nothing of an organisation's surveys, activities, findings, actions, uploads or responses, and reads of
 * them only what organisations share by design (issue 5). Every operation on such a resource in the merged OpenAPI
 * document must have a rule in {@link CrossOrganisationRules}, or this test fails naming it.
 *
 * <p>Directory operations are left out: the directory is administered centrally with {@code directory:manage}, a
 * scope of the partnership's administrators that is not tied to one organisation's data.
 */
class CrossOrganisationAccessIT {

    /** Paths whose parameter names one organisation's own resource. */
    private static final Pattern OWNED_PATH =
            Pattern.compile("/api/v1/(surveys|activities|findings|actions|uploads|responses|coding-frames)/\\{[^}]+}.*");

    @Test
    void anotherOrganisationsKeyGetsOnlyWhatOrganisationsShareByDesign() {
        Map<String, OpenApiOperation> operations = OpenApiOperation.ofMergedDocument();
        List<String> undeclared = undeclared(operations);
        assertTrue(undeclared.isEmpty(), "the cross-organisation rules do not match the merged OpenAPI document:\n"
                + String.join("\n", undeclared));

        Tenant owner = Tenant.register("Healthwatch Owning (cross-organisation)");
        Tenant other = Tenant.register("Healthwatch Other (cross-organisation)");
        Owner resources = new Owner(owner);
        // The insight service refuses writes of an organisation it has not heard of yet: the other's first waits.
        new Owner(other).activity();
        List<String> failures = new ArrayList<>();
        for (CrossOrganisationRule rule : CrossOrganisationRules.RULES) {
            try {
                check(rule, resources, owner, other, failures);
            } catch (AssertionError e) {
                failures.add(rule + ": " + e.getMessage());
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " cross-organisation rules broken:\n"
                + String.join("\n", failures));
    }

    /**
     * Operations on an organisation's own resources without a rule, rules of operations the document does not have
     * (e.g. renamed), and rules whose key holds scopes the operation does not ask for.
     */
    private static List<String> undeclared(Map<String, OpenApiOperation> operations) {
        List<String> problems = new ArrayList<>();
        operations.keySet().stream()
                .filter(name -> OWNED_PATH.matcher(name.substring(name.indexOf(' ') + 1)).matches())
                .filter(name -> CrossOrganisationRules.RULES.stream().noneMatch(r -> r.operation().equals(name)))
                .forEach(name -> problems.add(name + ": no cross-organisation rule declared"));
        for (CrossOrganisationRule rule : CrossOrganisationRules.RULES) {
            OpenApiOperation operation = operations.get(rule.operation());
            if (operation == null) {
                problems.add(rule.operation() + ": a rule for an operation the document does not have");
            } else if (!operation.asksFor(rule.scopeSet())) {
                problems.add(rule + ": the operation asks for " + operation.scopes() + " or, for a parameter, "
                        + operation.parameterScopes());
            }
        }
        return problems;
    }

    private static void check(CrossOrganisationRule rule, Owner resources, Tenant owner, Tenant other,
            List<String> failures) {
        OwnedResource target = rule.target().apply(resources);
        String before = target.state();
        Response theirs = send(rule, other, target);
        boolean shared = rule.outcome().kind() == Kind.ACROSS_BY_DESIGN;
        if (shared) {
            expectLetThrough(rule + " (" + rule.outcome().detail() + ")", theirs, failures);
        } else if (!refused(rule, theirs)) {
            failures.add(rule + ": expected " + refusal(rule) + " but got " + brief(theirs));
        }
        // Shared operations too: reading, answering or referring to the owner's resource leaves it as it was.
        if (!target.state().equals(before)) {
            failures.add(rule + ": the owner's resource changed");
        }
        if (!shared) {
            // The owner's identical request goes through, so the other's was refused for ownership alone.
            expectLetThrough(rule.operation() + " with the owner's own " + rule.scopes() + " key",
                    send(rule, owner, target), failures);
        }
    }

    private static Response send(CrossOrganisationRule rule, Tenant caller, OwnedResource target) {
        return rule.call().apply(caller.with(rule.scopes()), target).request(rule.method(), rule.url(target));
    }

    private static boolean refused(CrossOrganisationRule rule, Response response) {
        boolean problem = String.valueOf(response.contentType()).startsWith("application/problem+json");
        if (rule.outcome().kind() == Kind.REFERENCE_REFUSED) {
            return problem && response.statusCode() == 422
                    && response.jsonPath().getList("errors.pointer").contains(rule.outcome().detail());
        }
        return problem && (response.statusCode() == 403 || response.statusCode() == 404);
    }

    private static String refusal(CrossOrganisationRule rule) {
        return rule.outcome().kind() == Kind.REFERENCE_REFUSED
                ? "a 422 problem naming " + rule.outcome().detail()
                : "a 403 or 404 problem";
    }

    private static void expectLetThrough(String call, Response response, List<String> failures) {
        if (response.statusCode() / 100 != 2) {
            failures.add(call + ": expected to be let through but got " + brief(response));
        }
    }

    private static String brief(Response response) {
        String body = response.asString();
        return response.statusCode() + " " + (body.length() > 300 ? body.substring(0, 300) + "..." : body);
    }
}
