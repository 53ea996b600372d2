package org.chorus.directory.apikey;

import java.security.SecureRandom;

import org.chorus.platform.events.contract.SecretHashes;
import org.chorus.platform.web.caller.KeyKind;

/**
 * Makes and fingerprints key secrets. A secret has 40 random base62 characters (about 238 bits), so a fast
 * SHA-256 hash is safe to store and to compare at the gateway; a slow password hash would only add latency.
 */
public final class KeySecrets {

    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final int RANDOM_LENGTH = 40;
    private static final int VISIBLE_PREFIX = 14;
    private static final SecureRandom RANDOM = new SecureRandom();

    private KeySecrets() {
    }

    public static String newSecret(KeyKind kind) {
        StringBuilder secret = new StringBuilder("chorus_").append(kind.marker()).append('_');
        for (int i = 0; i < RANDOM_LENGTH; i++) {
            secret.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return secret.toString();
    }

    /** What the directory stores and the gateway looks up. */
    public static String hash(String secret) {
        return SecretHashes.sha256Hex(secret);
    }

    /** The first characters, kept so that people can tell their keys apart without the secret. */
    public static String visiblePrefix(String secret) {
        return secret.substring(0, Math.min(VISIBLE_PREFIX, secret.length()));
    }
}
