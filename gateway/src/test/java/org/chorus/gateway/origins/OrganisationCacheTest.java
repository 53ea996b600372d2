package org.chorus.gateway.origins;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import org.chorus.platform.events.contract.OrganisationData;
import org.junit.jupiter.api.Test;

class OrganisationCacheTest {

    private static final String SITE = "https://partner.example";

    @Test
    void anOriginIsAllowedWhileSomeActiveOrganisationAllowsIt() {
        OrganisationCache cache = new OrganisationCache();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        cache.apply(organisation(first, true, SITE), 1);
        cache.apply(organisation(second, true, "HTTPS://Partner.Example:443"), 1);
        assertTrue(cache.allowedByAnyActive(SITE));

        cache.apply(organisation(first, false, SITE), 2);
        assertTrue(cache.allowedByAnyActive(SITE), "the second organisation still allows it");
        assertFalse(cache.find(first).allows("https://other.example"));

        cache.apply(organisation(second, true, "https://other.example"), 2);
        assertFalse(cache.allowedByAnyActive(SITE), "nobody active allows it any more");
        assertTrue(cache.allowedByAnyActive("https://other.example"));
    }

    @Test
    void aLateEventDoesNotUndoALaterState() {
        OrganisationCache cache = new OrganisationCache();
        UUID id = UUID.randomUUID();
        cache.apply(organisation(id, false, SITE), 5);
        assertFalse(cache.apply(organisation(id, true, SITE), 4));
        assertFalse(cache.find(id).active());
        assertFalse(cache.allowedByAnyActive(SITE));
    }

    private static OrganisationData organisation(UUID id, boolean active, String... origins) {
        return new OrganisationData(id, "Partner", "HEALTHWATCH", null, List.of(), List.of(origins), active, 1, null);
    }
}
