package org.chorus.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

/**
 * `./chorus status` calls a service ready only when it is ready and live, says which probe it failed, and says what
 * the supervisor restarted.
 */
class StackStatusTest {

    @Test
    void aServiceIsReadyOnlyWhenItsReadinessAndLivenessProbesBothAnswer200() throws Exception {
        assertEquals("ready", healthAnswering(Map.of("/q/health/ready", 200, "/q/health/live", 200)));
        assertEquals("not ready (/q/health/ready answered 503)",
                healthAnswering(Map.of("/q/health/ready", 503, "/q/health/live", 200)));
        assertEquals("not live (/q/health/live answered 503; its log names the loop that stopped)",
                healthAnswering(Map.of("/q/health/ready", 200, "/q/health/live", 503)));
    }

    @Test
    void aPartTheSupervisorRestartedSaysSoBesideItsHealth(@TempDir Path root) throws Exception {
        StackHome home = new StackHome(root);
        home.create();
        home.writePorts(StackPorts.free());
        RestartJournal.of(home).record("survey-service", "exited with code 137");
        RestartJournal.of(home).record("survey-service", "answered its liveness probe with 503 3 times in a row");

        String status = printed(home);

        String restarted = "  survey-service +- +http://127.0.0.1:\\d+ +not running \\(restarted 2 times, the last at "
                + "[0-9:]{8}: answered its liveness probe with 503 3 times in a row\\)";
        assertTrue(status.lines().anyMatch(line -> line.matches(restarted)), status);
        String neverRestarted = "  insight-service +- +http://127.0.0.1:\\d+ +not running";
        assertTrue(status.lines().anyMatch(line -> line.matches(neverRestarted)), status);
    }

    private static String printed(StackHome home) throws IOException, InterruptedException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream console = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            StackStatus.print(home);
        } finally {
            System.setOut(console);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** What the status says of a management port whose probes answer with these statuses. */
    private static String healthAnswering(Map<String, Integer> statuses) throws IOException, InterruptedException {
        HttpServer management = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        statuses.forEach((path, status) -> management.createContext(path, exchange -> {
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        }));
        management.start();
        try {
            return StackStatus.health(String.valueOf(management.getAddress().getPort()));
        } finally {
            management.stop(0);
        }
    }
}
