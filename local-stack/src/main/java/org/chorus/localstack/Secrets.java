package org.chorus.localstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The stack's secrets, generated on first start and kept in its home, so that keys issued and tokens verified before
 * a restart still hold after it.
 */
record Secrets(Path privateKeyPem, Path publicKeyPem, String bootstrapAdminKey, String dbPassword) {

    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final SecureRandom RANDOM = new SecureRandom();

    static Secrets loadOrCreate(StackHome home) throws IOException {
        Files.createDirectories(home.keys());
        if (!Files.exists(home.privateKey()) || !Files.exists(home.publicKey())) {
            writeKeyPair(home.privateKey(), home.publicKey());
        }
        String adminKey = readOrCreate(home.bootstrapAdminKeyFile(), () -> "chorus_sk_" + base62(40));
        String dbPassword = readOrCreate(home.dbPasswordFile(), () -> base62(32));
        return new Secrets(home.privateKey(), home.publicKey(), adminKey, dbPassword);
    }

    /** Reads the admin key of an existing home, for `chorus demo`. */
    static String readBootstrapAdminKey(StackHome home) throws IOException {
        return Files.readString(home.bootstrapAdminKeyFile(), StandardCharsets.US_ASCII).trim();
    }

    static String base62(int length) {
        StringBuilder value = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            value.append(BASE62.charAt(RANDOM.nextInt(BASE62.length())));
        }
        return value.toString();
    }

    private static void writeKeyPair(Path privateFile, Path publicFile) throws IOException {
        KeyPair pair;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, RANDOM);
            pair = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JDK cannot generate RSA keys", e);
        }
        // PKCS#8 and X.509 encodings are what SmallRye JWT reads from "PRIVATE KEY" and "PUBLIC KEY" PEM blocks.
        writeSecret(privateFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        Files.writeString(publicFile, pem("PUBLIC KEY", pair.getPublic().getEncoded()), StandardCharsets.US_ASCII);
    }

    private static String pem(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }

    private static String readOrCreate(Path file, Supplier<String> generator) throws IOException {
        if (Files.exists(file)) {
            String value = Files.readString(file, StandardCharsets.US_ASCII).trim();
            if (!value.isEmpty()) {
                return value;
            }
        }
        String value = generator.get();
        writeSecret(file, value + "\n");
        return value;
    }

    /** Readable by its owner alone from the moment it exists. */
    private static void writeSecret(Path file, String content) throws IOException {
        StackFiles.writeWhole(file, content, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
    }
}
