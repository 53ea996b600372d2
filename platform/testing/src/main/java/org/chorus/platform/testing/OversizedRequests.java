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
import java.util.Locale;

import io.restassured.path.json.JsonPath;

/**
 * Requests whose head is too large for any Chorus server, sent over a plain socket as a script would send them: a
 * request line of 10 KB and a header block of 40 KB. Every server must answer them with a problem document naming the
 * limit, never with the HTTP decoder's bare 414 or 431.
 */
public final class OversizedRequests {

    private static final int LONG_LINE = 10 * 1024;
    private static final int LARGE_HEADERS = 40 * 1024;

    private OversizedRequests() {
    }

    /** Asserts both refusals of the server listening on the loopback port, for a request to the path. */
    public static void assertRefusedWithProblems(int port, String path) throws IOException {
        Answer longLine = send(port, "GET " + path + "?padding=" + "a".repeat(LONG_LINE) + " HTTP/1.1\r\n"
                + "Host: 127.0.0.1\r\n\r\n");
        assertProblem(longLine, 414, "request-line-too-long", "4096 bytes");

        StringBuilder head = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        for (int i = 0; i < LARGE_HEADERS / 1024; i++) {
            head.append("X-Padding-").append(i).append(": ").append("b".repeat(1000)).append("\r\n");
        }
        Answer largeHeaders = send(port, head.append("\r\n").toString());
        assertProblem(largeHeaders, 431, "headers-too-large", "20480 bytes");
    }

    private static void assertProblem(Answer answer, int status, String slug, String limit) {
        assertEquals(status, answer.status(), answer.head());
        assertEquals("application/problem+json", answer.contentType(), answer.head());
        JsonPath problem = JsonPath.from(answer.body());
        assertEquals("https://chorus.example/problems/" + slug, problem.getString("type"), answer.body());
        assertEquals(status, problem.getInt("status"), answer.body());
        assertTrue(problem.getString("title") != null && !problem.getString("title").isBlank(), answer.body());
        assertTrue(problem.getString("detail").contains(limit), "the detail names the limit: " + answer.body());
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
