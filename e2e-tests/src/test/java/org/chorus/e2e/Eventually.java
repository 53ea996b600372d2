package org.chorus.e2e;

import java.time.Duration;
import java.util.function.IntSupplier;

/** Waits for something that travels by event to become visible, and says how long it took. */
final class Eventually {

    private Eventually() {
    }

    /**
     * Calls {@code status} until it answers {@code expected}.
     *
     * @return how long it took
     * @throws AssertionError if it does not within the timeout
     */
    static Duration status(IntSupplier status, int expected, Duration timeout) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        int last;
        do {
            last = status.getAsInt();
            if (last == expected) {
                return Duration.ofNanos(System.nanoTime() - start);
            }
            pause();
        } while (System.nanoTime() < deadline);
        throw new AssertionError("Expected status " + expected + " within " + timeout + " but the last was " + last);
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted");
        }
    }
}
