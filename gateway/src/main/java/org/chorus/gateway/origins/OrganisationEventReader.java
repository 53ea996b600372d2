package org.chorus.gateway.origins;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.chorus.gateway.events.DirectoryReaders;
import org.chorus.gateway.events.TopicReplicaReader;
import org.chorus.platform.events.ChorusEventTypes;
import org.chorus.platform.events.contract.OrganisationData;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/** Keeps {@link OrganisationCache} current from {@code directory.organisations}, the whole topic, while the gateway runs. */
@ApplicationScoped
public class OrganisationEventReader {

    private final TopicReplicaReader<OrganisationData> reader;

    public OrganisationEventReader(DirectoryReaders readers, OrganisationCache cache) {
        this.reader = readers.reader(ChorusEventTypes.DIRECTORY_ORGANISATIONS, "organisation", OrganisationData.class,
                OrganisationData::organisationId, cache::apply);
    }

    void start(@Observes StartupEvent startup) {
        reader.start();
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        reader.stop();
    }

    /** Whether every organisation event that existed when the gateway started has been applied. */
    public boolean caughtUp() {
        return reader.caughtUp();
    }
}
