package org.chorus.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Where the machine's processor time goes during a phase: CPU time of this benchmark's own JVM (the load generator)
 * and of every process the stack started (services, Kafka, PostgreSQL and its backends), grouped by part. Tells
 * which part a throughput figure is bound by on a shared two-core machine.
 */
final class CpuShares {

    /** What a part's command line holds: services run their module's jar, PostgreSQL runs from its data home. */
    private static final Map<String, String> PARTS = new LinkedHashMap<>();
    private static final String LOAD_GENERATOR = "load generator";

    static {
        for (String module : List.of("gateway", "survey-service", "insight-service", "partner-directory-service")) {
            PARTS.put(module, "/" + module + "/target/");
        }
        PARTS.put("kafka", "kafka");
        PARTS.put("postgres", "postgres");
    }

    /** Linux's clock ticks per second, in which /proc counts a thread's processor time. */
    private static final long CLOCK_TICKS = 100;

    private final Map<String, Duration> byPart;
    /** Of the stack's processor time, what its JVMs' JIT compiler threads spent: warming up, not serving. */
    private final Duration compiling;

    private CpuShares(Map<String, Duration> byPart, Duration compiling) {
        this.byPart = byPart;
        this.compiling = compiling;
    }

    /**
     * @param stackHome the stack's home: PostgreSQL's server detaches from whoever started it, so it is found by its
     *        data directory there, and its backends as its children
     */
    static CpuShares now(Path stackHome) {
        ProcessHandle self = ProcessHandle.current();
        Map<Long, ProcessHandle> processes = new HashMap<>();
        Stream.concat(Stream.of(self), self.descendants()).forEach(p -> processes.put(p.pid(), p));
        ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().orElse("").contains(stackHome.toString()))
                .flatMap(p -> Stream.concat(Stream.of(p), p.descendants()))
                .forEach(p -> processes.put(p.pid(), p));
        Map<String, Duration> byPart = new TreeMap<>();
        processes.values().forEach(process -> process.info().totalCpuDuration()
                .ifPresent(cpu -> byPart.merge(part(process, self), cpu, Duration::plus)));
        Duration compiling = processes.values().stream().filter(p -> p.pid() != self.pid())
                .map(CpuShares::compilerCpu).reduce(Duration.ZERO, Duration::plus);
        return new CpuShares(byPart, compiling);
    }

    /** The stack's JIT compilers' processor milliseconds per second between {@code before} and now. */
    double compilingPerSecondSince(CpuShares before, Duration elapsed) {
        return compiling.minus(before.compiling).toNanos() / 1e6 / (elapsed.toNanos() / 1e9);
    }

    /** CPU milliseconds per response of each part between {@code before} and now, largest first. */
    String perResponseSince(CpuShares before, long responses) {
        if (responses == 0) {
            return "no responses";
        }
        return perUnitSince(before, responses);
    }

    /**
     * CPU milliseconds per second of each part between {@code before} and now, largest first: with no load, what
     * the stack spends doing nothing (polls, heartbeats, timers), which a low rate of responses shares out among few.
     */
    String perSecondSince(CpuShares before, Duration elapsed) {
        return perUnitSince(before, elapsed.toNanos() / 1e9);
    }

    private String perUnitSince(CpuShares before, double units) {
        List<Map.Entry<String, Duration>> spent = byPart.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue().minus(before.byPart.getOrDefault(e.getKey(),
                        Duration.ZERO))))
                .filter(e -> !e.getValue().isNegative() && !e.getValue().isZero())
                .sorted(Map.Entry.<String, Duration>comparingByValue().reversed())
                .toList();
        // The stack's total is the figure: every part but the load generator, which a real site does not run.
        long stackNanos = spent.stream().filter(e -> !e.getKey().equals(LOAD_GENERATOR))
                .mapToLong(e -> e.getValue().toNanos()).sum();
        List<String> parts = spent.stream()
                .map(e -> String.format("%s %.2f", e.getKey(), e.getValue().toNanos() / 1e6 / units)).toList();
        return String.format("stack %.2f (%s; JIT compilers %.2f of the stack's)", stackNanos / 1e6 / units,
                String.join(", ", parts), compiling.minus(before.compiling).toNanos() / 1e6 / units);
    }

    /**
     * What a JVM's C1 and C2 compiler threads have spent, from /proc (Linux names them "C1 CompilerThre..." and
     * "C2 CompilerThre..."); zero for other processes, and where there is no /proc.
     */
    private static Duration compilerCpu(ProcessHandle process) {
        try (Stream<Path> threads = Files.list(Path.of("/proc", Long.toString(process.pid()), "task"))) {
            long ticks = threads.mapToLong(CpuShares::compilerTicks).sum();
            return Duration.ofMillis(ticks * 1000 / CLOCK_TICKS);
        } catch (IOException | UncheckedIOException e) {
            return Duration.ZERO;
        }
    }

    private static long compilerTicks(Path thread) {
        String stat;
        try {
            stat = Files.readString(thread.resolve("stat"));
        } catch (IOException e) {
            return 0; // the thread ended meanwhile
        }
        int open = stat.indexOf('(');
        int close = stat.lastIndexOf(')');
        String name = stat.substring(open + 1, close);
        if (!name.startsWith("C1 CompilerThre") && !name.startsWith("C2 CompilerThre")) {
            return 0;
        }
        // after the name: state, ppid, pgrp, session, tty, tpgid, flags, four fault counts, then utime and stime
        String[] fields = stat.substring(close + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** The services' JVMs by module name: the benchmark started them, so they are its descendants. */
    static Map<String, ProcessHandle> serviceJvms() {
        ProcessHandle self = ProcessHandle.current();
        Map<String, ProcessHandle> services = new TreeMap<>();
        self.descendants().forEach(process -> {
            String part = part(process, self);
            if (part.contains("-service") || part.equals("gateway")) {
                services.put(part, process);
            }
        });
        return services;
    }

    private static String part(ProcessHandle process, ProcessHandle self) {
        if (process.pid() == self.pid()) {
            return LOAD_GENERATOR;
        }
        String command = process.info().commandLine().orElse(process.info().command().orElse(""));
        return PARTS.entrySet().stream().filter(part -> command.contains(part.getValue())).map(Map.Entry::getKey)
                .findFirst().orElse("other");
    }
}
