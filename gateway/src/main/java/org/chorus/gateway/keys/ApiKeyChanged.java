package org.chorus.gateway.keys;

import java.util.UUID;

/** Fired when a key's state changes, so that anything derived from the old state (a signed token) is dropped. */
public record ApiKeyChanged(UUID keyId) {
}
