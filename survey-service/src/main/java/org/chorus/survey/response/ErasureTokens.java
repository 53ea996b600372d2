package org.chorus.survey.response;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import org.chorus.platform.events.contract.SecretHashes;

/** Erasure tokens: 256 random bits for the respondent, a SHA-256 hash for the database. */
final class ErasureTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private ErasureTokens() {
    }

    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "ert_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        return SecretHashes.sha256Hex(token);
    }

    /** Compares in constant time, so that timing does not tell how much of a guessed token was right. */
    static boolean matches(String token, String storedHash) {
        return token != null && MessageDigest.isEqual(hash(token).getBytes(StandardCharsets.US_ASCII),
                storedHash.getBytes(StandardCharsets.US_ASCII));
    }
}
