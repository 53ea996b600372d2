package org.chorus.localstack;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What the supervisor writes during a test: it writes to standard output, which is its log file under `./chorus up`,
 * so a test that reads it captures it, and the build's console stays free of it.
 */
final class SupervisorLog implements BeforeEachCallback, AfterEachCallback {

    private final ByteArrayOutputStream written = new ByteArrayOutputStream();
    private PrintStream console;

    @Override
    public void beforeEach(ExtensionContext context) {
        console = System.out;
        System.setOut(new PrintStream(written, true, StandardCharsets.UTF_8));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        System.setOut(console);
    }

    String text() {
        return written.toString(StandardCharsets.UTF_8);
    }
}
