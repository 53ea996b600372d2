package org.chorus.directory.apikey;

import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.validation.constraints.Size;

import org.chorus.platform.web.caller.Scopes;
import org.junit.jupiter.api.Test;

/** Rules of a key's request that no HTTP call would show until the day a scope is added. */
class ApiKeyInputTest {

    /** A limit below the number of scopes would leave no key able to hold them all, as an integration's may need. */
    @Test
    void oneKeyMayHoldEverySecretScope() throws NoSuchFieldException {
        Size limit = ApiKeyInput.class.getDeclaredField("scopes").getAnnotation(Size.class);
        assertTrue(limit.max() >= Scopes.SECRET_SCOPES.size(), "@Size(max = " + limit.max() + ") on scopes, "
                + Scopes.SECRET_SCOPES.size() + " secret scopes: raise the limit");
    }
}
