package org.chorus.gateway.keys;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.chorus.gateway.events.DirectoryReaders;
import org.chorus.platform.events.ChorusEvent;
import org.chorus.platform.events.ChorusEventTypes;
import org.chorus.platform.events.consume.EventLoop;
import org.chorus.platform.events.contract.ApiKeyData;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/** Keeps {@link ApiKeyCache} current from {@code directory.api-keys}, the whole topic, for as long as the gateway runs. */
@ApplicationScoped
public class KeyEventReader {

    static final String TOPIC = ChorusEventTypes.DIRECTORY_API_KEYS;

    private final EventLoop reader;
    private final ApiKeyCache cache;

    public KeyEventReader(DirectoryReaders readers, ApiKeyCache cache) {
        this.cache = cache;
        this.reader = readers.reader("API key", readers.routing("api-keys")
                .on(ChorusEventTypes.API_KEY_ISSUED, this::apply)
                .on(ChorusEventTypes.API_KEY_REVOKED, this::apply)
                .on(ChorusEventTypes.API_KEY_ROTATED, this::apply));
    }

    private void apply(ApiKeyData key, ChorusEvent event) {
        if (key.keyId() == null) {
            throw new IllegalArgumentException("no key id");
        }
        cache.apply(key, event.sequence());
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
