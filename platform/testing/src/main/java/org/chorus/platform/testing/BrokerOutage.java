package org.chorus.platform.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;


/**
 * A Kafka address that leads nowhere until the test ends the outage, then to the tests' real broker: a service
 * pointed at it meets a broker that is down, then one that is back, while the broker every other test class shares
 * keeps running. Clients only bootstrap through it (the broker then tells them its own address), so while it is
 * down they cannot even learn where the broker is, as when the broker is not running.
 */
public final class BrokerOutage implements AutoCloseable {

    private final ServerSocket listener;
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "chorus-broker-outage");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicInteger refused = new AtomicInteger();
    private volatile boolean down = true;

    private BrokerOutage() throws IOException {
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.execute(this::accept);
    }

    /** Opens the address, with the broker down behind it: every connection is closed as soon as it is made. */
    public static BrokerOutage begin() {
        try {
            return new BrokerOutage();
        } catch (IOException e) {
            throw new UncheckedIOException("No port for the broker's stand-in address", e);
        }
    }

    /** The bootstrap address to give the service. */
    public String bootstrapServers() {
        return "127.0.0.1:" + listener.getLocalPort();
    }

    /** The broker is back: connections made from now on reach it. */
    public void end() {
        down = false;
    }

    /** Connections closed at once while the broker was down: proof that a client tried to reach it. */
    public int refusedConnections() {
        return refused.get();
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException e) {
            // nothing listens any more either way
        }
        threads.shutdownNow();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                if (down) {
                    refused.incrementAndGet();
                    client.close();
                } else {
                    forward(client);
                }
            } catch (IOException e) {
                // the listener was closed, or one connection failed: the loop condition tells which
            }
        }
    }

    private void forward(Socket client) throws IOException {
        String[] broker = TestInfrastructure.get().kafkaBootstrapServers().split(",")[0].split(":");
        Socket upstream = new Socket(broker[0], Integer.parseInt(broker[1]));
        threads.execute(() -> pump(client, upstream));
        threads.execute(() -> pump(upstream, client));
    }

    /** Copies one direction until either side closes, then closes both so the other direction ends too. */
    private static void pump(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException e) {
            // one side went away; closing both below ends the connection as the broker's end would
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    /**
     * The tests' real PostgreSQL and Kafka for a test class whose service reaches Kafka through a {@link BrokerOutage},
     * down when the application starts. The test gets it in a field of type {@code BrokerOutage}.
     */
    public static class Resource extends ChorusTestInfrastructure {

        private BrokerOutage outage;

        @Override
        public Map<String, String> start() {
            outage = begin();
            Map<String, String> config = new HashMap<>(super.start());
            config.put("chorus.events.bootstrap-servers", outage.bootstrapServers());
            return config;
        }

        @Override
        public void inject(TestInjector testInjector) {
            testInjector.injectIntoFields(outage, new TestInjector.MatchesType(BrokerOutage.class));
        }

        @Override
        public void stop() {
            outage.close();
        }
    }
}
