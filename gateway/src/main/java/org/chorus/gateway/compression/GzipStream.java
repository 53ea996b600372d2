package org.chorus.gateway.compression;

import java.util.zip.CRC32;
import java.util.zip.Deflater;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;

/**
 * A service's answer compressed as it streams through, in the gzip format (RFC 1952), so that an export never waits
 * whole in memory: each part read from the service is deflated and handed on, and the pipe's back pressure reaches the
 * service as it would uncompressed. The fastest level, as for exported data packages: the gateway must keep up with
 * the services, and JSON and CSV still shrink to a third (a survey) or a tenth (an export).
 */
final class GzipStream implements ReadStream<Buffer> {

    /** Magic, deflate, no flags, no time, no extra flags, operating system unknown. */
    private static final byte[] HEADER = { 0x1f, (byte) 0x8b, Deflater.DEFLATED, 0, 0, 0, 0, 0, 0, (byte) 0xff };
    private static final int OUTPUT_BYTES = 16 * 1024;

    private final ReadStream<Buffer> source;
    private final Deflater deflater = new Deflater(Deflater.BEST_SPEED, true);
    private final CRC32 checksum = new CRC32();
    private final byte[] output = new byte[OUTPUT_BYTES];
    private long length;
    private boolean headerSent;
    private boolean released;
    private Handler<Buffer> handler;

    GzipStream(ReadStream<Buffer> source) {
        this.source = source;
    }

    /**
     * The pipe takes its handler away once it is done: after the end, after the service failed, or when the caller
     * left mid-answer, which tells this stream nothing else. The deflater's native memory goes then, not at whichever
     * collection finds the stream unreachable.
     */
    @Override
    public ReadStream<Buffer> handler(Handler<Buffer> handler) {
        this.handler = handler;
        if (handler == null) {
            release();
        }
        source.handler(handler == null ? null : part -> handOn(deflate(part.getBytes())));
        return this;
    }

    @Override
    public ReadStream<Buffer> endHandler(Handler<Void> endHandler) {
        source.endHandler(endHandler == null ? null : end -> {
            handOn(finish());
            endHandler.handle(null);
        });
        return this;
    }

    @Override
    public ReadStream<Buffer> exceptionHandler(Handler<Throwable> exceptionHandler) {
        source.exceptionHandler(exceptionHandler == null ? null : failure -> {
            release();
            exceptionHandler.handle(failure);
        });
        return this;
    }

    /** Whether the deflater has let go of its memory. */
    boolean released() {
        return released;
    }

    @Override
    public ReadStream<Buffer> pause() {
        source.pause();
        return this;
    }

    @Override
    public ReadStream<Buffer> resume() {
        source.resume();
        return this;
    }

    @Override
    public ReadStream<Buffer> fetch(long amount) {
        source.fetch(amount);
        return this;
    }

    private Buffer deflate(byte[] part) {
        Buffer compressed = start();
        checksum.update(part);
        length += part.length;
        deflater.setInput(part);
        while (!deflater.needsInput()) {
            compressed.appendBytes(output, 0, deflater.deflate(output));
        }
        return compressed;
    }

    /** The rest of the deflated data, then the trailer: the CRC-32 and the length modulo 2^32, least byte first. */
    private Buffer finish() {
        Buffer rest = start();
        deflater.finish();
        while (!deflater.finished()) {
            rest.appendBytes(output, 0, deflater.deflate(output));
        }
        release();
        return rest.appendIntLE((int) checksum.getValue()).appendIntLE((int) length);
    }

    private void release() {
        if (!released) {
            released = true;
            deflater.end();
        }
    }

    private Buffer start() {
        Buffer buffer = Buffer.buffer();
        if (!headerSent) {
            headerSent = true;
            buffer.appendBytes(HEADER);
        }
        return buffer;
    }

    /** A part the deflater kept whole for later comes out empty, and is not handed on. */
    private void handOn(Buffer compressed) {
        if (compressed.length() > 0 && handler != null) {
            handler.handle(compressed);
        }
    }
}
