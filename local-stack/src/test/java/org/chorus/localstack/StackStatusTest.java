package org.chorus.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

/** `./chorus status` calls a service ready only when it is ready and live, and says which probe it failed. */
class StackStatusTest {

    @Test
    void aServiceIsReadyOnlyWhenItsReadinessAndLivenessProbesBothAnswer200() throws Exception {
        assertEquals("ready", healthAnswering(Map.of("/q/health/ready", 200, "/q/health/live", 200)));
        assertEquals("not ready (/q/health/ready answered 503)",
                healthAnswering(Map.of("/q/health/ready", 503, "/q/health/live", 200)));
        assertEquals("not live (/q/health/live answered 503; its log names the loop that stopped)",
                healthAnswering(Map.of("/q/health/ready", 200, "/q/health/live", 503)));
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
