package org.chorus.directory.apikey;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.chorus.directory.organisation.OrganisationInput;
import org.chorus.directory.organisation.OrganisationRepository;
import org.chorus.directory.organisation.OrganisationService;
import org.chorus.directory.organisation.OrganisationType;
import org.chorus.platform.web.caller.Scopes;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.config.ConfigMapping;

/**
 * Registers the installation's first administrator key from configuration, so that a new installation can be
 * administered at all. It belongs to a "Chorus administration" organisation and has only {@code directory:manage}.
 */
@ApplicationScoped
public class BootstrapAdminKey {

    static final String ADMINISTRATION = "Chorus administration";
    /** How the key is told from keys administrators issued themselves, which a changed secret must leave alone. */
    static final String BOOTSTRAP_KEY_NAME = "Bootstrap administrator key";
    private static final Logger LOG = Logger.getLogger(BootstrapAdminKey.class);
    private static final long BOOTSTRAP_LOCK = 0x43484F5255530002L;

    private final Config config;
    private final ApiKeyService keys;
    private final OrganisationService organisations;
    private final OrganisationRepository organisationRows;

    public BootstrapAdminKey(Config config, ApiKeyService keys, OrganisationService organisations,
            OrganisationRepository organisationRows) {
        this.config = config;
        this.keys = keys;
        this.organisations = organisations;
        this.organisationRows = organisationRows;
    }

    void onStart(@Observes StartupEvent startup) {
        Optional<String> secret = config.bootstrapAdminKey().filter(s -> !s.isBlank());
        if (secret.isEmpty()) {
            return;
        }
        if (!secret.get().startsWith("chorus_sk_") || secret.get().length() < 40) {
            throw new IllegalStateException("chorus.directory.bootstrap-admin-key must start with chorus_sk_ and be "
                    + "at least 40 characters long");
        }
        QuarkusTransaction.requiringNew().run(() -> ensureRegistered(secret.get()));
    }

    /** Runs in the transaction {@link #onStart} opens. */
    void ensureRegistered(String secret) {
        // Replicas starting together must not both register the key.
        organisationRows.getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(" + BOOTSTRAP_LOCK + ")")
                .getSingleResult();
        if (keys.secretExists(secret)) {
            return;
        }
        var administration = organisationRows.findByName(ADMINISTRATION)
                .map(o -> o.id)
                .orElseGet(() -> organisations.register(new OrganisationInput(ADMINISTRATION, OrganisationType.OTHER,
                        null, null, null, List.of(), List.of(), null)).id());
        keys.replaceWithSecret(administration, BOOTSTRAP_KEY_NAME, List.of(Scopes.DIRECTORY_MANAGE), secret);
        LOG.info("Registered the bootstrap administrator key from configuration; any earlier one is revoked");
    }

    /** The bootstrap key; optional, since an installation can live without one once real administrators exist. */
    @ConfigMapping(prefix = "chorus.directory")
    public interface Config {
        Optional<String> bootstrapAdminKey();
    }
}
