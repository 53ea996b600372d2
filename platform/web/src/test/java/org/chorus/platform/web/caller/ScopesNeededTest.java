package org.chorus.platform.web.caller;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;

import org.junit.jupiter.api.Test;

class ScopesNeededTest {

    private static final Set<String> ANALYST = Set.of(Scopes.ANY_SECRET_KEY, Scopes.INSIGHTS_READ, Scopes.EXPORTS_READ);
    private static final Set<String> WEBSITE = Set.of(Scopes.PUBLIC);

    @Test
    void aKeyWithoutTheOneScopeHearsItAndWhatItHolds() {
        assertEquals(Optional.of("This operation needs a key with the scope insights:write; the key used has "
                + "exports:read, insights:read."), ScopesNeeded.detail(List.of(Scopes.INSIGHTS_WRITE), ANALYST::contains));
    }

    @Test
    void severalScopesAreNamedInOrderAsAlternatives() {
        assertEquals(Optional.of("This operation needs a key with one of the scopes insights:read, insights:write or "
                + "public; the key used has directory:manage."),
                ScopesNeeded.detail(List.of(Scopes.PUBLIC, Scopes.INSIGHTS_WRITE, Scopes.INSIGHTS_READ),
                        Set.of(Scopes.ANY_SECRET_KEY, Scopes.DIRECTORY_MANAGE)::contains));
    }

    @Test
    void aWebsitesKeyHearsThatItIsPublishableAndThatAServersKeyIsNeeded() {
        assertEquals(Optional.of("This operation needs a secret key (any scope); the key used is a publishable key, "
                + "which holds public alone."), ScopesNeeded.detail(List.of(Scopes.ANY_SECRET_KEY), WEBSITE::contains));
        assertEquals(Optional.of("This operation needs a secret key (any scope) or a key with the scope public; the "
                + "key used is a secret key with no scope."),
                ScopesNeeded.detail(List.of(Scopes.ANY_SECRET_KEY, Scopes.PUBLIC), Set.of(Scopes.ANY_SECRET_KEY)::contains));
    }

    @Test
    void anOperationThatNamesNoScopeGivesNoDetail() {
        assertEquals(Optional.empty(), ScopesNeeded.detail(List.of(), ANALYST::contains));
    }

    @Test
    void theMethodsRuleComesBeforeItsClassesAndTheClassesServesTheRest() throws NoSuchMethodException {
        assertEquals(List.of(Scopes.EXPORTS_READ, Scopes.CODING_WRITE),
                ScopesNeeded.of(Guarded.class.getDeclaredMethod("own"), Guarded.class));
        assertEquals(List.of(Scopes.INSIGHTS_READ), ScopesNeeded.of(Guarded.class.getDeclaredMethod("inherited"),
                Guarded.class));
        assertEquals(List.of(), ScopesNeeded.of(Open.class.getDeclaredMethod("open"), Open.class));
        assertEquals(List.of(), ScopesNeeded.of(null, null));
    }

    @RolesAllowed(Scopes.INSIGHTS_READ)
    static class Guarded {
        @RolesAllowed({ Scopes.EXPORTS_READ, Scopes.CODING_WRITE })
        void own() {
        }

        void inherited() {
        }
    }

    static class Open {
        void open() {
        }
    }
}
