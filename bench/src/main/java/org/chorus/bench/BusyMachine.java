package org.chorus.bench;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Another program that only spins, standing in for the rest of a busy machine (a build, another service), so that a
 * figure meant to hold "on a busy machine" can be measured on one, again and again alike. It runs as a process of its
 * own, in a session of its own where {@code setsid} is there: Linux shares processors between sessions before it
 * shares them between threads, so threads in the benchmark's own process would take their share from the service
 * alone, and PostgreSQL would not notice them.
 */
final class BusyMachine implements AutoCloseable {

    private final Process spinner;

    private BusyMachine(Process spinner) {
        this.spinner = spinner;
    }

    /** @param threads how many processors' worth of other work to keep the machine busy with; 0 for none */
    static BusyMachine start(int threads) throws IOException, URISyntaxException {
        if (threads == 0) {
            return new BusyMachine(null);
        }
        Path classes = Path.of(BusyMachine.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            command.add("/usr/bin/setsid");
        }
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                classes.toString(), BusyMachine.class.getName(), Integer.toString(threads)));
        return new BusyMachine(new ProcessBuilder(command).inheritIO().start());
    }

    /** The spinning program: as many threads as its argument says, until it is stopped. */
    public static void main(String[] args) {
        for (int i = 0; i < Integer.parseInt(args[0]); i++) {
            new Thread(BusyMachine::spin, "busy-machine-" + i).start();
        }
    }

    /**
     * A full-period generator: it meets 0 once in 2^64 steps, so in practice it spins until the process is stopped,
     * and printing the value it ends with keeps the compiler from dropping the loop as dead.
     */
    private static void spin() {
        long x = 1;
        while (x != 0) {
            x = x * 6_364_136_223_846_793_005L + 1_442_695_040_888_963_407L;
        }
        System.out.println(x);
    }

    @Override
    public void close() throws InterruptedException {
        if (spinner != null) {
            spinner.destroyForcibly().waitFor();
        }
    }
}
