package org.chorus.localstack;

import java.io.File;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * A process the stack started, with its output appended to a log file and its pid recorded, so that a later start
 * can find and end it if the supervisor itself was killed before it could.
 */
final class ChildProcess {

    private final String name;
    private final Process process;
    private final Path pidFile;
    private final Path log;
    private volatile boolean stopping;

    private ChildProcess(String name, Process process, Path pidFile, Path log) {
        this.name = name;
        this.process = process;
        this.pidFile = pidFile;
        this.log = log;
    }

    /**
     * Starts {@code java <arguments>}. The first JVM argument names the stack's home, so that a pid read back later can
     * be checked against the command line (which the JDK may only show in part) before anything is done to it.
     */
    static ChildProcess startJava(String name, List<String> arguments, Map<String, String> environment,
            StackHome home) throws IOException {
        Path log = home.log(name);
        Path pidFile = home.pidFile(name);
        Files.createDirectories(log.getParent());
        Files.writeString(log, "---- " + Instant.now() + " starting " + name + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        List<String> command = new ArrayList<>();
        command.add(javaExecutable().toString());
        command.add(marker(home));
        command.addAll(arguments);
        // The working directory is the stack's home, so no stray .env or config/ of the checkout is picked up.
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(home.root().toFile())
                .redirectErrorStream(true)
                .redirectOutput(Redirect.appendTo(log.toFile()))
                .redirectInput(Redirect.from(new File("/dev/null")));
        builder.environment().putAll(environment);
        Process process = builder.start();
        Files.writeString(pidFile, process.pid() + "\n" + marker(home) + "\n", StandardCharsets.UTF_8);
        return new ChildProcess(name, process, pidFile, log);
    }

    static String marker(StackHome home) {
        return "-Dchorus.local-stack.home=" + home.root();
    }

    /** Polled: onExit() of a process that is not our child only notices a second or two late. */
    static boolean awaitExit(ProcessHandle process, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (process.isAlive()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return !process.isAlive();
            }
        }
        return true;
    }

    static Path javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /**
     * The classpath of this JVM, with the entries of a manifest-only jar (how Surefire launches tests) spelled out, so
     * that a child JVM can run the broker from the same jars.
     */
    static String currentClasspath() {
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            entries.add(entry);
            entries.addAll(manifestClasspath(Path.of(entry)));
        }
        return String.join(File.pathSeparator, entries.stream().distinct().toList());
    }

    private static List<String> manifestClasspath(Path jar) {
        if (!jar.toString().endsWith(".jar") || !Files.isRegularFile(jar)) {
            return List.of();
        }
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            String classPath = manifest == null ? null
                    : manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
            if (classPath == null || classPath.isBlank()) {
                return List.of();
            }
            List<String> entries = new ArrayList<>();
            for (String url : classPath.trim().split("\\s+")) {
                entries.add(Path.of(jar.toUri().resolve(url)).toString());
            }
            return entries;
        } catch (IOException | IllegalArgumentException e) {
            return List.of();
        }
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Exit code, or -1 while running. */
    int exitCode() {
        return process.isAlive() ? -1 : process.exitValue();
    }

    /** Runs once if the process ends without {@link #stop} or {@link #kill} having been asked for. */
    void onUnexpectedExit(Runnable action) {
        process.onExit().thenRun(() -> {
            if (!stopping) {
                action.run();
            }
        });
    }

    /** SIGTERM, so the process shuts down cleanly; SIGKILL only if it has not ended within the grace period. */
    void stop(Duration grace) {
        stopping = true;
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                Log.warn(name + " did not stop within " + grace.toSeconds() + " s; killing it");
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        forgetPid();
    }

    /** Waits for a process that ends by itself; its exit code, or -1 if it is still running after the wait. */
    int awaitExit(Duration wait) throws InterruptedException {
        if (!process.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS)) {
            return -1;
        }
        forgetPid();
        return process.exitValue();
    }

    /** SIGKILL: a crash, for failure tests. */
    void kill() {
        stopping = true;
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        forgetPid();
    }

    private void forgetPid() {
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            // a stale pid file is checked against the command line before anyone acts on it
        }
    }
}
