package org.chorus.gateway.origins;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.chorus.gateway.events.DirectoryReaders;
import org.chorus.platform.events.ChorusEvent;
import org.chorus.platform.events.ChorusEventTypes;
import org.chorus.platform.events.consume.EventLoop;
import org.chorus.platform.events.contract.OrganisationData;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/** Keeps {@link OrganisationCache} current from {@code directory.organisations}, the whole topic, while the gateway runs. */
@ApplicationScoped
public class OrganisationEventReader {

    private final EventLoop reader;
    private final OrganisationCache cache;

    public OrganisationEventReader(DirectoryReaders readers, OrganisationCache cache) {
        this.cache = cache;
        this.reader = readers.reader("organisation", readers.routing("organisations")
                .on(ChorusEventTypes.ORGANISATION_REGISTERED, this::apply)
                .on(ChorusEventTypes.ORGANISATION_UPDATED, this::apply)
                .on(ChorusEventTypes.ORGANISATION_DEACTIVATED, this::apply));
    }

    private void apply(OrganisationData organisation, ChorusEvent event) {
        if (organisation.organisationId() == null) {
            throw new IllegalArgumentException("no organisation id");
        }
        cache.apply(organisation, event.sequence());
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
