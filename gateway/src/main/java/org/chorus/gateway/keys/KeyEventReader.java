package org.chorus.gateway.keys;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.chorus.gateway.events.DirectoryReaders;
import org.chorus.gateway.events.TopicReplicaReader;
import org.chorus.platform.events.ChorusEventTypes;
import org.chorus.platform.events.contract.ApiKeyData;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/** Keeps {@link ApiKeyCache} current from {@code directory.api-keys}, the whole topic, for as long as the gateway runs. */
@ApplicationScoped
public class KeyEventReader {

    static final String TOPIC = ChorusEventTypes.DIRECTORY_API_KEYS;

    private final TopicReplicaReader<ApiKeyData> reader;

    public KeyEventReader(DirectoryReaders readers, ApiKeyCache cache) {
        this.reader = readers.reader(TOPIC, "API key", ApiKeyData.class, ApiKeyData::keyId, cache::apply);
    }

    void start(@Observes StartupEvent startup) {
        reader.start();
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        reader.stop();
    }

    /** Whether every key event that existed when the gateway started has been applied. */
    public boolean caughtUp() {
        return reader.caughtUp();
    }
}
