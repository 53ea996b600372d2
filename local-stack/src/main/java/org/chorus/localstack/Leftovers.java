package org.chorus.localstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Ends what a previous supervisor of the same home started and left running when it was killed outright; otherwise
 * the next start would find its own ports and its own data directory taken. Only processes whose pid file and
 * command line both say they belong to this home are touched.
 */
final class Leftovers {

    private Leftovers() {
    }

    static void stop(StackHome home) throws IOException {
        List<String> services = home.servicesWithPidFiles();
        // Services first and together, then the broker, then PostgreSQL once nothing is connected to it any more.
        end(home, services);
        end(home, List.of(KafkaBroker.NAME));
        postmaster(home).ifPresent(process -> end(Map.of("postgres", process)));
    }

    private static void end(StackHome home, List<String> names) throws IOException {
        Map<String, ProcessHandle> found = new LinkedHashMap<>();
        for (String name : names) {
            Path pidFile = home.pidFile(name);
            recorded(pidFile).ifPresent(process -> found.put(name, process));
            Files.deleteIfExists(pidFile);
        }
        end(found);
    }

    /** A live process whose command line still contains the marker written beside its pid. */
    static Optional<ProcessHandle> recorded(Path pidFile) {
        try {
            if (!Files.isRegularFile(pidFile)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            if (lines.size() < 2) {
                return Optional.empty();
            }
            long pid = Long.parseLong(lines.get(0).trim());
            String marker = lines.get(1).trim();
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(p -> commandLineContains(p, marker));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The postmaster of this home's data directory, from PostgreSQL's own pid file. */
    static Optional<ProcessHandle> postmaster(StackHome home) {
        Path pidFile = home.postgresData().resolve("postmaster.pid");
        try {
            if (!Files.isRegularFile(pidFile)) {
                return Optional.empty();
            }
            long pid = Long.parseLong(Files.readAllLines(pidFile, StandardCharsets.UTF_8).get(0).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(p -> commandLineContains(p, home.postgresData().toString()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static boolean commandLineContains(ProcessHandle process, String marker) {
        return process.info().commandLine().map(line -> line.contains(marker)).orElse(false);
    }

    private static void end(Map<String, ProcessHandle> processes) {
        processes.forEach((name, process) -> {
            Log.warn("stopping " + name + " (pid " + process.pid() + ") left running by an earlier local stack");
            // SIGTERM: services and Kafka shut down cleanly, PostgreSQL does a smart shutdown once clients are gone.
            process.destroy();
        });
        processes.forEach((name, process) -> {
            if (!ChildProcess.awaitExit(process, Duration.ofSeconds(60))) {
                Log.warn(name + " (pid " + process.pid() + ") did not stop; killing it");
                process.destroyForcibly();
                ChildProcess.awaitExit(process, Duration.ofSeconds(10));
            }
        });
    }
}
