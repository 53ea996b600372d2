package org.chorus.platform.events.contract;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The one way a key secret is hashed: the directory stores and announces this hash, the gateway looks presented keys
 * up by it, so neither ever needs to hold a secret.
 */
public final class SecretHashes {

    // One digest per thread: getInstance costs more than the hash of a short key.
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    });

    private SecretHashes() {
    }

    /** Lowercase hex SHA-256 of the UTF-8 bytes, as in {@code ApiKeyData.secretHash}. */
    public static String sha256Hex(String secret) {
        MessageDigest digest = SHA_256.get();
        digest.reset();
        return HexFormat.of().formatHex(digest.digest(secret.getBytes(StandardCharsets.UTF_8)));
    }
}
