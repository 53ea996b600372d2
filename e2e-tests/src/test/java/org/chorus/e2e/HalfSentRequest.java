package org.chorus.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * A request whose head and the first half of whose body are on the wire, the rest held back until the test sends it:
 * a request the server has begun and cannot finish on its own.
 */
final class HalfSentRequest implements AutoCloseable {

    private final Socket socket;
    private final byte[] rest;

    private HalfSentRequest(Socket socket, byte[] rest) {
        this.socket = socket;
        this.rest = rest;
    }

    /** Sends a JSON POST's head and half its body over a connection of its own. */
    static HalfSentRequest postJson(URI server, String path, String apiKey, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + path + " HTTP/1.1\r\n"
                + "Host: " + server.getHost() + ":" + server.getPort() + "\r\n"
                + "Authorization: Bearer " + apiKey + "\r\n"
                + "Content-Type: application/json\r\n"
                + "Content-Length: " + body.length + "\r\n\r\n";
        Socket socket = new Socket(server.getHost(), server.getPort());
        socket.setSoTimeout(60_000);
        OutputStream out = socket.getOutputStream();
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(body, 0, body.length / 2);
        out.flush();
        return new HalfSentRequest(socket, Arrays.copyOfRange(body, body.length / 2, body.length));
    }

    /** Sends the rest of the body and reads the answer, to the end of the connection. */
    String finish() throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(rest);
        out.flush();
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (!complete(answer)) {
            int read = in.read(buffer);
            if (read < 0) {
                break;
            }
            answer.write(buffer, 0, read);
        }
        return answer.toString(StandardCharsets.UTF_8);
    }

    /** A head and as many body bytes as its Content-Length says. */
    private static boolean complete(ByteArrayOutputStream answer) {
        String text = answer.toString(StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        for (String line : text.substring(0, end).split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                int length = Integer.parseInt(line.substring("content-length:".length()).trim());
                return answer.size() >= end + 4 + length;
            }
        }
        return false;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
