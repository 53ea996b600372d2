package org.chorus.localstack;

import java.util.List;

/**
 * How the stack's JVMs (services and broker) compile. A test stack lives for a minute or two: C2's compiling never pays
 * back there, and with C1 alone a service starts on about half the processor time (measured: 4.5 s against 7 – 8.3 s
 * for survey-service on two cores). A stack that runs for long, or is measured, compiles as in production.
 */
public enum JitMode {
    /** C1, then C2 for what runs hot: `./chorus up` and the benches. */
    PRODUCTION,
    /** C1 alone, with room for all it compiles (its default code cache is 48 MB): the end-to-end tests' stacks. */
    SHORT_LIVED;

    List<String> jvmOptions() {
        return switch (this) {
            case PRODUCTION -> List.of();
            case SHORT_LIVED -> List.of("-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=128m");
        };
    }
}
