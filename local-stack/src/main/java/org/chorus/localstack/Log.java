package org.chorus.localstack;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/** The supervisor's own messages, on stdout: java.util.logging drops them once JVM shutdown has begun. */
final class Log {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    private Log() {
    }

    static void info(String message) {
        System.out.println(LocalTime.now().format(TIME) + " local-stack: " + message);
    }

    static void warn(String message) {
        System.out.println(LocalTime.now().format(TIME) + " local-stack: WARNING " + message);
    }
}
