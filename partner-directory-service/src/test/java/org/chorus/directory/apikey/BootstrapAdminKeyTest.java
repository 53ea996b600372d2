package org.chorus.directory.apikey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.UUID;

import org.chorus.platform.events.ChorusEventTypes;
import org.chorus.platform.events.contract.ApiKeyData;
import org.chorus.platform.testing.ChorusTestInfrastructure;
import org.chorus.platform.testing.EventProbe;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * An installation changes CHORUS_BOOTSTRAP_ADMIN_KEY because the old one leaked or its holder left: from the next
 * start only the new key may work, everywhere the gateway checks keys.
 */
@QuarkusTest
@WithTestResource(ChorusTestInfrastructure.class)
class BootstrapAdminKeyTest {

    @Inject
    BootstrapAdminKey bootstrap;
    @Inject
    ApiKeyRepository keys;
    @Inject
    ObjectMapper objectMapper;

    @Test
    void aChangedBootstrapKeyRevokesThePreviousOneAndAnnouncesIt() {
        String previous = newSecret();
        String changed = newSecret();
        start(previous);
        start(changed);
        start(changed);

        String previousHash = KeySecrets.hash(previous);
        var revoked = EventProbe.await(ChorusEventTypes.DIRECTORY_API_KEYS,
                e -> e.type().equals(ChorusEventTypes.API_KEY_REVOKED.type())
                        && previousHash.equals(e.dataAs(objectMapper, ApiKeyData.class).secretHash()),
                Duration.ofSeconds(10));
        assertEquals(true, revoked.dataAs(objectMapper, ApiKeyData.class).revoked());
        QuarkusTransaction.requiringNew().run(() -> {
            assertNotNull(keys.findBySecretHash(previousHash).orElseThrow().revokedAt);
            assertNull(keys.findBySecretHash(KeySecrets.hash(changed)).orElseThrow().revokedAt,
                    "restarting with the same key keeps it working");
        });
    }

    /** What a start of the directory with this CHORUS_BOOTSTRAP_ADMIN_KEY does. */
    private void start(String secret) {
        QuarkusTransaction.requiringNew().run(() -> bootstrap.ensureRegistered(secret));
    }

    private static String newSecret() {
        return "chorus_sk_" + UUID.randomUUID().toString().replace("-", "") + "Bootstrap";
    }
}
