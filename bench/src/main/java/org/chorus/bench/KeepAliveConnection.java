package org.chorus.bench;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * One website's HTTP/1.1 connection, kept alive across requests and written by hand. The load generator shares the
 * machine with the stack it measures; the JDK's HttpClient spent about half a millisecond of processor time on each
 * submission, a third of the whole stack's. Like pgbench's client on the other side of the ratio (and wrk), this
 * costs little, so that the processors go to what is measured.
 */
final class KeepAliveConnection implements Closeable {

    /** What came back: the status, and the body as text (read whole, so that the connection can be reused). */
    record Answer(int status, String body) {
    }

    private static final byte[] LINE_END = { '\r', '\n' };
    private static final byte[] HEADERS_END = { '\r', '\n', '\r', '\n' };

    private final URI base;
    private final byte[] buffer = new byte[64 * 1024];
    private int start;
    private int end;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    KeepAliveConnection(URI base) {
        this.base = base;
    }

    /**
     * A whole request, head and body, for {@link #exchange}: {@code headers} are "Name: value\r\n" lines; the Host and
     * Content-Length headers are added here.
     */
    byte[] request(String method, String path, String headers, byte[] body) {
        String head = method + " " + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort() + "\r\n"
                + headers + "Content-Length: " + body.length + "\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        byte[] whole = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, whole, 0, headBytes.length);
        System.arraycopy(body, 0, whole, headBytes.length, body.length);
        return whole;
    }

    /**
     * Sends the whole request and reads the whole answer. A failure closes the connection; the next call opens
     * another, as a browser would.
     */
    Answer exchange(byte[] request) throws IOException {
        try {
            if (socket == null) {
                open();
            }
            out.write(request);
            out.flush();
            return readAnswer();
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private void open() throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(60_000);
        socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 10_000);
        in = socket.getInputStream();
        out = socket.getOutputStream();
        start = 0;
        end = 0;
    }

    private Answer readAnswer() throws IOException {
        int headersEnd;
        while ((headersEnd = indexOf(HEADERS_END, start, end)) < 0) {
            fill();
        }
        String head = new String(buffer, start, headersEnd - start, StandardCharsets.ISO_8859_1);
        start = headersEnd + HEADERS_END.length;
        int status = Integer.parseInt(head.substring(9, 12));
        String lowerHead = head.toLowerCase();
        // Decoded once, whole: a read can end inside a character that takes more than one byte.
        ByteArrayOutputStream bodyBytes = new ByteArrayOutputStream();
        if (lowerHead.contains("\r\ntransfer-encoding: chunked")) {
            readChunkedBody(bodyBytes);
        } else {
            readFixedBody(contentLength(lowerHead), bodyBytes);
        }
        String body = bodyBytes.toString(StandardCharsets.UTF_8);
        if (lowerHead.contains("\r\nconnection: close")) {
            close();
        }
        return new Answer(status, body);
    }

    private static int contentLength(String lowerHead) {
        int at = lowerHead.indexOf("\r\ncontent-length:");
        if (at < 0) {
            return 0;
        }
        int from = at + "\r\ncontent-length:".length();
        int to = lowerHead.indexOf("\r\n", from);
        return Integer.parseInt(lowerHead.substring(from, to < 0 ? lowerHead.length() : to).trim());
    }

    private void readFixedBody(int length, ByteArrayOutputStream body) throws IOException {
        int left = length;
        while (left > 0) {
            if (start == end) {
                fill();
            }
            int take = Math.min(left, end - start);
            body.write(buffer, start, take);
            start += take;
            left -= take;
        }
    }

    private void readChunkedBody(ByteArrayOutputStream body) throws IOException {
        while (true) {
            String sizeLine = line();
            int semicolon = sizeLine.indexOf(';');
            int size = Integer.parseInt((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
            if (size == 0) {
                while (!line().isEmpty()) {
                    // Trailers: none are used, but they end with a blank line all the same.
                }
                return;
            }
            readFixedBody(size, body);
            line();
        }
    }

    private String line() throws IOException {
        int lineEnd;
        while ((lineEnd = indexOf(LINE_END, start, end)) < 0) {
            fill();
        }
        String line = new String(buffer, start, lineEnd - start, StandardCharsets.ISO_8859_1);
        start = lineEnd + 2;
        return line;
    }

    private void fill() throws IOException {
        if (start == end) {
            start = 0;
            end = 0;
        } else if (end == buffer.length) {
            System.arraycopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        }
        if (end == buffer.length) {
            throw new IOException("An answer's head is longer than " + buffer.length + " bytes");
        }
        int read = in.read(buffer, end, buffer.length - end);
        if (read < 0) {
            throw new IOException("The server closed the connection mid-answer");
        }
        end += read;
    }

    /** Where {@code sought} stands in the buffer between from and to, or -1. */
    private int indexOf(byte[] sought, int from, int to) {
        outer:
        for (int i = from; i <= to - sought.length; i++) {
            for (int j = 0; j < sought.length; j++) {
                if (buffer[i + j] != sought[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // Closing is all that is left to do with it.
            }
            socket = null;
        }
    }
}
