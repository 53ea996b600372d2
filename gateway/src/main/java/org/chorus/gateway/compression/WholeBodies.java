package org.chorus.gateway.compression;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPOutputStream;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;

/**
 * Compression of what the gateway answers itself from memory (the merged API document, 246 KB as JSON): compressed
 * once when it is made, at the JDK's default level, since it is read many times; sent compressed to callers that
 * accept gzip.
 */
public final class WholeBodies {

    private WholeBodies() {
    }

    public static byte[] gzip(byte[] body) {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream(body.length / 4);
        try (GZIPOutputStream out = new GZIPOutputStream(compressed)) {
            out.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException("Writing to memory does not fail", e);
        }
        return compressed.toByteArray();
    }

    public static boolean gzipAccepted(HttpServerRequest request) {
        return AcceptedCodings.gzip(request.headers().getAll(HttpHeaders.ACCEPT_ENCODING));
    }
}
