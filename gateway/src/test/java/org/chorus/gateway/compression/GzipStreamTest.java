package org.chorus.gateway.compression;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;
import io.vertx.core.streams.WriteStream;

/** The gzip stream, read back by the JDK's own gzip reader, and the stream's duties to the pipe it is read by. */
class GzipStreamTest {

    /**
     * Generated bodies, from empty to a few hundred kilobytes, of text (which compresses) or random bytes (which does
     * not), arriving in parts of any size: what is read back is what went in, byte for byte.
     */
    @RepeatedTest(200)
    void whatComesOutDecodesToWhatWentInWhateverThePartsWere(RepetitionInfo repetition) throws IOException {
        Random random = new Random(repetition.getCurrentRepetition());
        byte[] body = body(random);
        List<byte[]> parts = split(body, random);
        Parts source = new Parts();
        GzipStream gzip = new GzipStream(source);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AtomicInteger ends = new AtomicInteger();
        gzip.handler(part -> out.writeBytes(part.getBytes()));
        gzip.endHandler(end -> ends.incrementAndGet());

        parts.forEach(source::send);
        source.end();

        assertEquals(1, ends.get());
        assertArrayEquals(body, gunzip(out.toByteArray()), body.length + " bytes in " + parts.size() + " parts");
        assertTrue(gzip.released(), "the deflater's memory goes at the end");
    }

    @Test
    void textShrinksToAFifthOrLess() throws IOException {
        byte[] csv = "response_id,channel,priorities_rank_1,how_easy\n".repeat(2_000).getBytes();
        Parts source = new Parts();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        GzipStream gzip = new GzipStream(source);
        gzip.handler(part -> out.writeBytes(part.getBytes()));
        gzip.endHandler(end -> { });
        source.send(csv);
        source.end();
        assertTrue(out.size() * 5 < csv.length, out.size() + " of " + csv.length);
        assertArrayEquals(csv, gunzip(out.toByteArray()));
    }

    /** Back pressure reaches the service: the pipe pausing, resuming or fetching the stream does so to its source. */
    @Test
    void flowControlIsTheSources() {
        Parts source = new Parts();
        GzipStream gzip = new GzipStream(source);
        assertSame(gzip, gzip.pause());
        assertEquals(List.of("pause"), source.calls);
        gzip.fetch(3);
        gzip.resume();
        assertEquals(List.of("pause", "fetch 3", "resume"), source.calls);
    }

    /** A service failing mid-answer reaches the pipe as the failure it is, and a handler taken away gets nothing. */
    @Test
    void aFailureIsHandedOnAndAHandlerTakenAwayGetsNothing() {
        Parts source = new Parts();
        GzipStream gzip = new GzipStream(source);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        gzip.exceptionHandler(failure::set);
        IllegalStateException closed = new IllegalStateException("connection closed");
        source.fail(closed);
        assertSame(closed, failure.get());
        assertTrue(gzip.released(), "the deflater's memory goes when the service fails");

        gzip.handler(part -> { throw new AssertionError("no handler any more"); });
        gzip.handler(null);
        source.send(new byte[10]);
    }

    /**
     * A caller leaving mid-answer fails the pipe's next write, and the pipe takes its handlers away; that alone must
     * release the deflater, since neither an end nor a failure of the service ever comes.
     */
    @Test
    void aCallerLeavingMidAnswerReleasesTheDeflater() {
        Parts source = new Parts();
        GzipStream gzip = new GzipStream(source);
        AtomicReference<Throwable> piped = new AtomicReference<>();
        gzip.pipeTo(new GoneCaller(), result -> piped.set(result.cause()));
        byte[] part = new byte[100_000];
        new Random(7).nextBytes(part);

        source.send(part);

        assertTrue(piped.get() instanceof IllegalStateException, "the pipe failed: " + piped.get());
        assertTrue(gzip.released(), "the deflater's memory goes when the pipe lets go");
        source.send(part);
    }

    private static byte[] body(Random random) {
        int size = List.of(0, 1, 100, 5_000, 70_000, 300_000).get(random.nextInt(6));
        byte[] body = new byte[size];
        if (random.nextBoolean()) {
            random.nextBytes(body);
        } else {
            byte[] words = "the GP surgery, dental access, care at home; ".getBytes();
            for (int i = 0; i < size; i++) {
                body[i] = random.nextInt(20) == 0 ? (byte) random.nextInt(256) : words[i % words.length];
            }
        }
        return body;
    }

    private static List<byte[]> split(byte[] body, Random random) {
        List<byte[]> parts = new ArrayList<>();
        int at = 0;
        while (at < body.length) {
            int size = Math.min(body.length - at, 1 + random.nextInt(random.nextBoolean() ? 16 : 40_000));
            byte[] part = new byte[size];
            System.arraycopy(body, at, part, 0, size);
            parts.add(part);
            at += size;
        }
        if (random.nextInt(4) == 0) {
            parts.add(random.nextInt(parts.size() + 1), new byte[0]);
        }
        return parts;
    }

    private static byte[] gunzip(byte[] compressed) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            return in.readAllBytes();
        }
    }

    /** A caller whose connection is gone: every write fails, as Vert.x fails a write to a closed connection. */
    private static final class GoneCaller implements WriteStream<Buffer> {

        @Override
        public WriteStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
            return this;
        }

        @Override
        public Future<Void> write(Buffer data) {
            return Future.failedFuture(new IllegalStateException("the caller's connection is closed"));
        }

        @Override
        public void write(Buffer data, Handler<AsyncResult<Void>> handler) {
            handler.handle(write(data));
        }

        @Override
        public void end(Handler<AsyncResult<Void>> handler) {
            handler.handle(Future.succeededFuture());
        }

        @Override
        public WriteStream<Buffer> setWriteQueueMaxSize(int maxSize) {
            return this;
        }

        @Override
        public boolean writeQueueFull() {
            return false;
        }

        @Override
        public WriteStream<Buffer> drainHandler(Handler<Void> handler) {
            return this;
        }
    }

    /** A service's answer as the proxy reads it: parts, then an end or a failure. */
    private static final class Parts implements ReadStream<Buffer> {

        final List<String> calls = new ArrayList<>();
        private Handler<Buffer> handler;
        private Handler<Void> endHandler;
        private Handler<Throwable> exceptionHandler;

        void send(byte[] part) {
            if (handler != null) {
                handler.handle(Buffer.buffer(part));
            }
        }

        void end() {
            endHandler.handle(null);
        }

        void fail(Throwable failure) {
            exceptionHandler.handle(failure);
        }

        @Override
        public ReadStream<Buffer> handler(Handler<Buffer> handler) {
            this.handler = handler;
            return this;
        }

        @Override
        public ReadStream<Buffer> endHandler(Handler<Void> endHandler) {
            this.endHandler = endHandler;
            return this;
        }

        @Override
        public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
            this.exceptionHandler = handler;
            return this;
        }

        @Override
        public ReadStream<Buffer> pause() {
            calls.add("pause");
            return this;
        }

        @Override
        public ReadStream<Buffer> resume() {
            calls.add("resume");
            return this;
        }

        @Override
        public ReadStream<Buffer> fetch(long amount) {
            calls.add("fetch " + amount);
            return this;
        }
    }
}
