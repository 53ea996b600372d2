package org.chorus.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import io.restassured.RestAssured;

/**
 * HTTP over a plain socket, for what RestAssured cannot do: declare a length without sending the body, stream an
 * endless chunked body, or call from another loopback address as a different client would.
 */
final class RawHttp {

    private RawHttp() {
    }

    /** A response as read from the socket. */
    record Answer(int status, String head, String body) {

        String header(String name) {
            String prefix = name.toLowerCase(Locale.ROOT) + ":";
            return head.lines().filter(l -> l.toLowerCase(Locale.ROOT).startsWith(prefix))
                    .map(l -> l.substring(prefix.length()).trim()).findFirst().orElse(null);
        }
    }

    static Socket connect(String localAddress) throws IOException {
        Socket socket = new Socket();
        if (localAddress != null) {
            socket.bind(new InetSocketAddress(localAddress, 0));
        }
        socket.connect(new InetSocketAddress("127.0.0.1", RestAssured.port), 5000);
        socket.setSoTimeout(20_000);
        return socket;
    }

    /** Sends a request head (and optional body) on a new connection from the address, and reads the response. */
    static Answer exchange(String localAddress, String head, String body) throws IOException {
        try (Socket socket = connect(localAddress)) {
            OutputStream out = socket.getOutputStream();
            out.write((head + "\r\n").getBytes(StandardCharsets.UTF_8));
            if (body != null) {
                out.write(body.getBytes(StandardCharsets.UTF_8));
            }
            out.flush();
            return read(socket.getInputStream());
        }
    }

    /** Reads one response whose body has a Content-Length, or runs to the end of the connection. */
    static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        String text = "";
        while (!text.endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed before the response head ended: " + text);
            }
            head.write(b);
            text = head.toString(StandardCharsets.ISO_8859_1);
        }
        int status = Integer.parseInt(text.substring(9, 12));
        Answer headOnly = new Answer(status, text, "");
        String length = headOnly.header("content-length");
        if (status == 204 || status == 304) {
            return headOnly;
        }
        // Requests here say "Connection: close", so a body without a length ends with the connection.
        byte[] body = length == null ? in.readAllBytes() : in.readNBytes(Integer.parseInt(length));
        return new Answer(status, text, new String(body, StandardCharsets.UTF_8));
    }
}
