package org.chorus.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The load generator's hand-written HTTP/1.1 client against the JDK's own HTTP server: an answer misread would be
 * counted as an error, or worse, leave the next answer out of step with its request.
 */
class KeepAliveConnectionTest {

    private HttpServer server;
    private URI base;
    /** The client ports the server saw: one per connection the client opened. */
    private final Set<Integer> connections = ConcurrentHashMap.newKeySet();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/echo", exchange -> answer(exchange, 201, body(exchange), false, false));
        server.createContext("/chunked", exchange -> answer(exchange, 200, "é".repeat(100_000) + body(exchange), true,
                false));
        server.createContext("/closing", exchange -> answer(exchange, 503, "later" + body(exchange), false, true));
        server.createContext("/empty", exchange -> {
            connections.add(exchange.getRemoteAddress().getPort());
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void answersInStepOverOneKeptAliveConnection() throws IOException {
        try (KeepAliveConnection connection = new KeepAliveConnection(base)) {
            for (int i = 0; i < 50; i++) {
                KeepAliveConnection.Answer answer = connection.exchange(post(connection, "/echo", "answer " + i));
                assertEquals(201, answer.status());
                assertEquals("answer " + i, answer.body());
            }
            assertEquals(204, connection.exchange(post(connection, "/empty", "")).status());
            assertEquals("after nothing", connection.exchange(post(connection, "/echo", "after nothing")).body());
        }
        assertEquals(1, connections.size(), "every request went over the one connection");
    }

    @Test
    void readsChunkedAnswersLongerThanItsBuffer() throws IOException {
        try (KeepAliveConnection connection = new KeepAliveConnection(base)) {
            KeepAliveConnection.Answer answer = connection.exchange(post(connection, "/chunked", "!"));
            assertEquals(200, answer.status());
            assertEquals("é".repeat(100_000) + "!", answer.body());
            assertEquals("next", connection.exchange(post(connection, "/echo", "next")).body());
        }
    }

    @Test
    void decodesCharactersThatArriveSplitAcrossReads() throws Exception {
        String text = "é".repeat(500);
        try (ServerSocket trickle = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Void> served = CompletableFuture.runAsync(() -> trickleOneAnswer(trickle, text));
            try (KeepAliveConnection connection = new KeepAliveConnection(
                    URI.create("http://127.0.0.1:" + trickle.getLocalPort()))) {
                assertEquals(text, connection.exchange(post(connection, "/trickle", "")).body());
            }
            served.get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void opensAnotherConnectionAfterTheServerClosedOne() throws IOException {
        try (KeepAliveConnection connection = new KeepAliveConnection(base)) {
            KeepAliveConnection.Answer refused = connection.exchange(post(connection, "/closing", ""));
            assertEquals(503, refused.status());
            assertEquals("later", refused.body());
            assertEquals("again", connection.exchange(post(connection, "/echo", "again")).body());
        }
        assertEquals(2, connections.size());
    }

    @Test
    void aServerThatIsGoneIsAnError() throws IOException {
        try (KeepAliveConnection connection = new KeepAliveConnection(base)) {
            byte[] request = post(connection, "/echo", "x");
            server.stop(0);
            assertThrows(IOException.class, () -> connection.exchange(request));
        }
    }

    /** Sends the answer's body a byte at a time, so that the client's reads end inside characters. */
    private static void trickleOneAnswer(ServerSocket trickle, String text) {
        try (Socket socket = trickle.accept()) {
            socket.setTcpNoDelay(true);
            InputStream in = socket.getInputStream();
            byte[] headEnd = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
            for (int matched = 0; matched < headEnd.length; ) {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("The client closed before its request's head ended");
                }
                matched = b == headEnd[matched] ? matched + 1 : (b == headEnd[0] ? 1 : 0);
            }
            byte[] body = text.getBytes(StandardCharsets.UTF_8);
            OutputStream out = socket.getOutputStream();
            out.write(("HTTP/1.1 200 OK\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            for (byte b : body) {
                out.write(b);
                out.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] post(KeepAliveConnection connection, String path, String body) {
        return connection.request("POST", path, "Content-Type: text/plain\r\n", body.getBytes(StandardCharsets.UTF_8));
    }

    private String body(HttpExchange exchange) throws IOException {
        connections.add(exchange.getRemoteAddress().getPort());
        return new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    }

    private static void answer(HttpExchange exchange, int status, String body, boolean chunked, boolean close)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (close) {
            exchange.getResponseHeaders().set("Connection", "close");
        }
        exchange.sendResponseHeaders(status, chunked ? 0 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
