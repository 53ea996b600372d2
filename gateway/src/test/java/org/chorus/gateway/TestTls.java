package org.chorus.gateway;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** A throwaway self-signed certificate, made with the JDK's keytool, so the gateway can be called over https. */
final class TestTls {

    static final String PASSWORD = "test-only";

    private TestTls() {
    }

    static Path selfSignedKeyStore() {
        try {
            Path dir = Files.createTempDirectory("chorus-gateway-tls");
            dir.toFile().deleteOnExit();
            Path store = dir.resolve("gateway.p12");
            Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                    "-genkeypair", "-alias", "gateway", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                    "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12",
                    "-keystore", store.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)
                    .redirectErrorStream(true).start();
            byte[] output = keytool.getInputStream().readAllBytes();
            if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + new String(output));
            }
            store.toFile().deleteOnExit();
            return store;
        } catch (Exception e) {
            throw new IllegalStateException("Could not make a test certificate", e);
        }
    }
}
