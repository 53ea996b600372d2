package org.chorus.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;

import com.sun.tools.attach.VirtualMachine;

/**
 * async-profiler in each service's JVM for one measured phase, so that a run says where each service spends its
 * processor time: the frames that took most samples themselves, and Chorus' own methods by all the samples under them.
 * The collapsed stacks stay on disk for flame graphs (async-profiler's jfrconv, or any FlameGraph script). Sampling
 * is by the process's CPU timer (itimer), which needs no perf_events permission.
 */
final class ServiceProfiles {

    private static final String LIBRARY = "linux-x64/libasyncProfiler.so";
    private static final int SAMPLE_MICROS = 1000;
    private static final int TOP = 8;
    private static final Pattern CHORUS = Pattern.compile("^org/chorus/.*\\.[a-zA-Z]+$");
    private static final Pattern PROXY = Pattern.compile("_(ClientProxy|Subclass)[.$]|\\$\\$Lambda|\\$quarkusrestinvoker");

    private final Path library;
    private final Path directory;
    private final Map<String, ProcessHandle> services;

    private ServiceProfiles(Path library, Path directory, Map<String, ProcessHandle> services) {
        this.library = library;
        this.directory = directory;
        this.services = services;
    }

    /** Starts sampling every service of the stack this benchmark started; stacks are written to {@code directory}. */
    static ServiceProfiles start(Path directory) throws IOException {
        Files.createDirectories(directory);
        ServiceProfiles profiles = new ServiceProfiles(extractLibrary(directory), directory, CpuShares.serviceJvms());
        profiles.tellEach(service -> "start,event=itimer,interval=" + SAMPLE_MICROS + "us");
        return profiles;
    }

    /** Stops sampling, and returns a few lines per service: its busiest frames, and Chorus' own methods. */
    List<String> stop(String phase) throws IOException {
        tellEach(service -> "stop,collapsed,file=" + stacks(phase, service));
        List<String> lines = new ArrayList<>();
        lines.add("profiles (async-profiler, collapsed stacks in " + directory + "):");
        for (String service : services.keySet()) {
            lines.addAll(summary(service, stacks(phase, service)));
        }
        return lines;
    }

    private Path stacks(String phase, String service) {
        return directory.resolve(phase.replaceAll("[^a-zA-Z0-9-]", "-") + "-" + service + ".collapsed");
    }

    private void tellEach(Function<String, String> command) throws IOException {
        for (Map.Entry<String, ProcessHandle> service : services.entrySet()) {
            try {
                VirtualMachine jvm = VirtualMachine.attach(Long.toString(service.getValue().pid()));
                try {
                    jvm.loadAgentPath(library.toString(), command.apply(service.getKey()));
                } finally {
                    jvm.detach();
                }
            } catch (Exception e) {
                throw new IOException("async-profiler could not be told to " + command.apply(service.getKey())
                        + " in " + service.getKey() + ": " + e.getMessage(), e);
            }
        }
    }

    static List<String> summary(String service, Path stacks) throws IOException {
        Map<String, Long> self = new TreeMap<>();
        Map<String, Long> chorus = new TreeMap<>();
        long total = 0;
        for (String line : Files.readAllLines(stacks)) {
            int space = line.lastIndexOf(' ');
            if (space < 0) {
                continue;
            }
            long samples = Long.parseLong(line.substring(space + 1));
            String[] frames = line.substring(0, space).split(";");
            total += samples;
            self.merge(frames[frames.length - 1], samples, Long::sum);
            Set<String> counted = new HashSet<>();
            for (String frame : frames) {
                if (CHORUS.matcher(frame).matches() && !PROXY.matcher(frame).find() && counted.add(frame)) {
                    chorus.merge(frame, samples, Long::sum);
                }
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add(String.format("  %s: %,d samples of %d µs", service, total, SAMPLE_MICROS));
        lines.add("    most samples themselves: " + top(self, total));
        lines.add("    Chorus' own, with all under them: " + top(chorus, total));
        return lines;
    }

    private static String top(Map<String, Long> samplesByFrame, long total) {
        return samplesByFrame.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(TOP)
                .map(e -> String.format("%s %.1f%%", e.getKey().replace('/', '.'), 100.0 * e.getValue() / total))
                .reduce((a, b) -> a + ", " + b).orElse("none");
    }

    private static Path extractLibrary(Path directory) throws IOException {
        Path library = directory.resolve("libasyncProfiler.so");
        try (InputStream in = ServiceProfiles.class.getClassLoader().getResourceAsStream(LIBRARY)) {
            if (in == null) {
                throw new IOException(LIBRARY + " is not on the classpath: async-profiler runs on Linux x64 only");
            }
            Files.copy(in, library, StandardCopyOption.REPLACE_EXISTING);
        }
        return library;
    }
}
