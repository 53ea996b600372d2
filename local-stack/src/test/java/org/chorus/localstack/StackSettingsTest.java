package org.chorus.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackSettingsTest {

    @TempDir
    Path home;

    @Test
    void aBenchMeasuresADurableStackCompilingAsInProduction() {
        StackSettings bench = StackSettings.forBenches(home);

        assertTrue(bench.durable());
        assertEquals(JitMode.PRODUCTION, bench.jit());
        assertEquals(JitMode.PRODUCTION, StackSettings.defaults(StackSettings.findRepoRoot()).jit(),
                "./chorus up compiles as in production");
        assertEquals(List.of(), JitMode.PRODUCTION.jvmOptions());
    }

    /** Each JVM is started with all the options it gets, since two can clash (two collectors stop a JVM at once). */
    @Test
    void aTestStackCompilesWithC1AloneAndItsJvmsAcceptTheirOptions() throws Exception {
        StackSettings test = StackSettings.forTests(home);

        assertFalse(test.durable());
        assertEquals(JitMode.SHORT_LIVED, test.jit());
        List<String> service = new ArrayList<>(test.serviceJvmOptions());
        service.addAll(test.jit().jvmOptions());
        String flags = finalFlags(service);
        assertEquals("1", flag(flags, "TieredStopAtLevel"));
        assertEquals(String.valueOf(128L << 20), flag(flags, "ReservedCodeCacheSize"));
        assertEquals("true", flag(flags, "UseParallelGC"));
        String broker = finalFlags(KafkaBroker.jvmOptions(test.jit()));
        assertEquals("1", flag(broker, "TieredStopAtLevel"));
        assertEquals("true", flag(broker, "UseG1GC"));
        assertEquals("4", flag(finalFlags(KafkaBroker.jvmOptions(JitMode.PRODUCTION)), "TieredStopAtLevel"));
    }

    /** What a JVM started with these options reports, so that a misspelt option fails here, not at every start. */
    private static String finalFlags(List<String> options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ChildProcess.javaExecutable().toString()));
        command.addAll(options);
        command.addAll(List.of("-XX:+PrintFlagsFinal", "-version"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), output);
        return output;
    }

    private static String flag(String flags, String name) {
        Matcher matcher = Pattern.compile("\\s" + name + "\\s+=\\s+(\\S+)").matcher(flags);
        assertTrue(matcher.find(), name + " missing from " + flags);
        return matcher.group(1);
    }
}
