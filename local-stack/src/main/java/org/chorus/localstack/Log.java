package org.chorus.localstack;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/** The supervisor's own messages, on stdout: java.util.logging drops them once JVM shutdown has begun. */
final class Log {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");
    /** Set by the end-to-end tests, which start stacks and load demo data: a green build shows only what failed. */
    private static final boolean QUIET = Boolean.getBoolean("chorus.local-stack.quiet");

    private Log() {
    }

    static void info(String message) {
        if (QUIET) {
            return;
        }
        System.out.println(LocalTime.now().format(TIME) + " local-stack: " + message);
    }

    /** A line of a command's own report (an item of demo data created): quiet in the end-to-end tests too. */
    static void report(String line) {
        if (!QUIET) {
            System.out.println(line);
        }
    }

    static void warn(String message) {
        System.out.println(LocalTime.now().format(TIME) + " local-stack: WARNING " + message);
    }
}
