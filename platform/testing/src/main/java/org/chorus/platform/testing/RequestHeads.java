package org.chorus.platform.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.restassured.path.json.JsonPath;

/**
 * Requests whose head no Chorus server may act on, sent over a plain socket as a script would send them, since an HTTP
 * client library would not: heads too large, and heads that leave open what was meant. Every server must answer them
 * with a problem document saying what is wrong, never with the HTTP decoder's or the router's bare answer.
 */
public final class RequestHeads {

    private static final int LONG_LINE = 10 * 1024;
    private static final int LARGE_HEADERS = 40 * 1024;
    private static final String HOST = "Host: 127.0.0.1\r\n";
    private static final String CLOSE = "Connection: close\r\n\r\n";

    private RequestHeads() {
    }

    /**
     * Asserts the refusals of a request line of 10 KB and a header block of 40 KB by the server listening on the
     * loopback port, for a request to the path.
     */
    public static void assertOversizedRefused(int port, String path) throws IOException {
        assertProblem(send(port, longLine(path)), 414, "request-line-too-long", "4096 bytes");
        assertProblem(send(port, largeHeaders(path)), 431, "headers-too-large", "20480 bytes");
    }

    private static String longLine(String path) {
        return "GET " + path + "?padding=" + "a".repeat(LONG_LINE) + " HTTP/1.1\r\n" + HOST + "\r\n";
    }

    private static String largeHeaders(String path) {
        StringBuilder head = new StringBuilder("GET " + path + " HTTP/1.1\r\n" + HOST);
        for (int i = 0; i < LARGE_HEADERS / 1024; i++) {
            head.append("X-Padding-").append(i).append(": ").append("b".repeat(1000)).append("\r\n");
        }
        return head.append("\r\n").toString();
    }

    /**
     * Asserts the refusals, by the server listening on the loopback port, of a request to the path with two
     * Authorization or Content-Type lines, and of a target that is not a path.
     */
    public static void assertAmbiguousRefused(int port, String path) throws IOException {
        assertRefusedTwice(port, path, "Authorization: Bearer one\r\nAuthorization: Bearer two");
        assertRefusedTwice(port, path, "Content-Type: application/json\r\nContent-Type: text/plain");
        Answer notAPath = send(port, "GET " + path.substring(1) + " HTTP/1.1\r\n" + HOST + CLOSE);
        assertProblem(notAPath, 404, "404", "must be a path starting with /");
    }

    /**
     * Asserts the refusals of a request with no Host and of one with two, by a server that reads Host as sent (the
     * gateway; a service behind it takes the forwarded host instead).
     */
    public static void assertHostRequiredOnce(int port, String path) throws IOException {
        Answer noHost = send(port, "GET " + path + " HTTP/1.1\r\n" + CLOSE);
        assertProblem(noHost, 400, "invalid-parameter", "Host: is required in an HTTP/1.1 request");
        assertRefusedTwice(port, path, "Host: 127.0.0.1\r\nHost: elsewhere.example");
    }

    /**
     * Asserts the refusals, by the gateway listening on the loopback port, of a POST to the path whose body comes in a
     * transfer coding other than chunked alone, which no Chorus server decodes: 501, naming the coding sent.
     */
    public static void assertTransferCodingRefused(int port, String path) throws IOException {
        for (String coding : List.of("gzip, chunked", "chunked, gzip", "gzip", "identity")) {
            Answer answer = send(port, "POST " + path + " HTTP/1.1\r\n" + HOST + "Content-Type: application/json\r\n"
                    + "Transfer-Encoding: " + coding + "\r\n" + CLOSE + "2\r\n{}\r\n0\r\n\r\n");
            assertProblem(answer, 501, "transfer-coding-not-implemented", "not '" + coding + "'");
        }
        Answer twoLines = send(port, "POST " + path + " HTTP/1.1\r\n" + HOST + "Content-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\nTransfer-Encoding: gzip\r\n" + CLOSE + "2\r\n{}\r\n0\r\n\r\n");
        assertProblem(twoLines, 501, "transfer-coding-not-implemented", "not 'chunked, gzip'");
    }

    /**
     * The response heads of every refusal above, as the server listening on the loopback port wrote them, for a
     * request to the path: for what every answer must carry whatever refused it.
     */
    public static List<String> refusalHeads(int port, String path) throws IOException {
        List<String> heads = new ArrayList<>();
        heads.add(send(port, longLine(path)).head());
        heads.add(send(port, largeHeaders(path)).head());
        heads.add(send(port, "GET " + path + " HTTP/1.1\r\n" + HOST + "Authorization: Bearer one\r\n"
                + "Authorization: Bearer two\r\n" + CLOSE).head());
        heads.add(send(port, "GET " + path.substring(1) + " HTTP/1.1\r\n" + HOST + CLOSE).head());
        heads.add(send(port, "GET " + path + " HTTP/1.1\r\n" + CLOSE).head());
        return heads;
    }

    private static void assertRefusedTwice(int port, String path, String twoLines) throws IOException {
        String name = twoLines.substring(0, twoLines.indexOf(':'));
        String host = name.equals("Host") ? "" : HOST;
        Answer answer = send(port, "GET " + path + " HTTP/1.1\r\n" + host + twoLines + "\r\n" + CLOSE);
        assertProblem(answer, 400, "invalid-parameter", name + ": must be given once");
        assertEquals(name, JsonPath.from(answer.body()).getString("errors[0].parameter"), answer.body());
    }

    private static void assertProblem(Answer answer, int status, String slug, String detail) {
        assertEquals(status, answer.status(), answer.head());
        assertEquals("application/problem+json", answer.contentType(), answer.head());
        JsonPath problem = JsonPath.from(answer.body());
        assertEquals("https://chorus.example/problems/" + slug, problem.getString("type"), answer.body());
        assertEquals(status, problem.getInt("status"), answer.body());
        assertTrue(problem.getString("title") != null && !problem.getString("title").isBlank(), answer.body());
        assertTrue(problem.getString("detail").contains(detail), "the detail says what is wrong: " + answer.body());
    }

    private static Answer send(int port, String request) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // The server closes the connection after a refusal, so the answer runs to the end of the stream.
            return Answer.parse(readAll(socket.getInputStream()));
        }
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        in.transferTo(bytes);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** A response as read from the socket. */
    private record Answer(int status, String head, String body) {

        static Answer parse(String raw) {
            int end = raw.indexOf("\r\n\r\n");
            if (end < 0) {
                throw new AssertionError("No complete response: " + raw);
            }
            String head = raw.substring(0, end);
            return new Answer(Integer.parseInt(head.split(" ", 3)[1]), head, raw.substring(end + 4));
        }

        String contentType() {
            return head.lines().filter(l -> l.toLowerCase(Locale.ROOT).startsWith("content-type:"))
                    .map(l -> l.substring("content-type:".length()).trim()).findFirst().orElse(null);
        }
    }
}
