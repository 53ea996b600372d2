package org.chorus.localstack;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The restarts the supervisor's watch has made since `./chorus up`, kept in the stack's home so that `./chorus
 * status` can tell that a part which is ready now went down meanwhile, and why.
 *
 * @param file a properties file: {@code <part>.count} and {@code <part>.last} for each part restarted
 * @param clock the time of day a restart is noted at
 */
record RestartJournal(Path file, Clock clock) {

    /** Seconds always, on the hour too: {@code LocalTime.toString()} leaves them out when they are zero. */
    private static final DateTimeFormatter TIME_OF_DAY = DateTimeFormatter.ofPattern("HH:mm:ss");

    static RestartJournal of(StackHome home) {
        return new RestartJournal(home.run().resolve("restarts.properties"), Clock.systemDefaultZone());
    }

    /** Forgets the restarts of an earlier run: a new `./chorus up` starts with none. */
    void clear() throws IOException {
        Files.deleteIfExists(file);
    }

    /** Notes one restart of the part and why; the journal is only a hint, so a failure to write is only logged. */
    void record(String part, String why) {
        try {
            Properties restarts = read();
            int count = Integer.parseInt(restarts.getProperty(part + ".count", "0")) + 1;
            restarts.setProperty(part + ".count", Integer.toString(count));
            restarts.setProperty(part + ".last", TIME_OF_DAY.format(LocalTime.now(clock)) + ": " + why);
            write(restarts);
        } catch (IOException | RuntimeException e) {
            Log.warn("could not note the restart of " + part + " in " + file + ": " + e.getMessage());
        }
    }

    /** "restarted 2 times, the last at 17:04:35: exited with code 137", if the part was restarted. */
    Optional<String> summary(String part) throws IOException {
        return Optional.ofNullable(summaries().get(part));
    }

    /** Each restarted part's summary, from one reading of the journal. */
    Map<String, String> summaries() throws IOException {
        Properties restarts = read();
        Map<String, String> summaries = new HashMap<>();
        for (String key : restarts.stringPropertyNames()) {
            if (key.endsWith(".count")) {
                String part = key.substring(0, key.length() - ".count".length());
                String count = restarts.getProperty(key);
                String times = count.equals("1") ? "once" : count + " times";
                summaries.put(part, "restarted " + times + ", the last at " + restarts.getProperty(part + ".last"));
            }
        }
        return summaries;
    }

    private Properties read() throws IOException {
        Properties restarts = new Properties();
        if (Files.exists(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                restarts.load(in);
            }
        }
        return restarts;
    }

    /** Whole, so that `./chorus status` never reads half a file. */
    private void write(Properties restarts) throws IOException {
        Files.createDirectories(file.getParent());
        StringWriter out = new StringWriter();
        restarts.store(out, "Restarts by the local stack's supervisor since it started");
        StackFiles.writeWhole(file, out.toString());
    }
}
