package org.chorus.survey.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/**
 * The pipe between an export's reading thread and its writer hands rows over in batches; every row read must still
 * come out once, in order, before the end or the failure that stopped the reading.
 */
class RowPipeTest {

    @Test
    void everyRowComesOutOnceAndInOrderWhateverTheCountAgainstTheBatch() throws IOException {
        int batch = RowPipe.BATCH;
        for (int count : List.of(0, 1, batch - 1, batch, batch + 1, 3 * batch, 10_000)) {
            try (RowPipe<Integer> pipe = new RowPipe<>(counting(count, -1))) {
                assertEquals(numbers(count), drain(pipe, new ArrayList<>()), count + " rows");
                assertNull(pipe.next(), "nothing after the end");
            }
        }
    }

    @Test
    void rowsReadBeforeAFailureComeOutAndThenTheFailure() {
        int failAt = RowPipe.BATCH + 5;
        List<Integer> received = new ArrayList<>();
        try (RowPipe<Integer> pipe = new RowPipe<>(counting(Integer.MAX_VALUE, failAt))) {
            IOException failure = assertThrows(IOException.class, () -> drain(pipe, received));
            assertTrue(failure.getMessage().contains("connection lost"), failure.getMessage());
        }
        assertEquals(numbers(failAt), received);
    }

    @Test
    void closingStopsAReaderThatIsAheadOfTheWriter() throws IOException {
        AtomicInteger read = new AtomicInteger();
        RowPipe<Integer> pipe = new RowPipe<>(() -> read.incrementAndGet());
        assertEquals(1, pipe.next());
        pipe.close();
        int stoppedAt = read.get();
        assertTrue(stoppedAt < 100 * RowPipe.BATCH, "the reader stopped once its queue was full: " + stoppedAt);
    }

    /** Rows 0, 1, ... up to count, failing instead of giving row failAt (never when failAt is -1). */
    private static RowPipe.RowSource<Integer> counting(int count, int failAt) {
        AtomicInteger next = new AtomicInteger();
        return () -> {
            int row = next.getAndIncrement();
            if (row == failAt) {
                throw new SQLException("connection lost");
            }
            return row < count ? row : null;
        };
    }

    private static List<Integer> drain(RowPipe<Integer> pipe, List<Integer> into) throws IOException {
        for (Integer row = pipe.next(); row != null; row = pipe.next()) {
            into.add(row);
        }
        return into;
    }

    private static List<Integer> numbers(int count) {
        List<Integer> numbers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            numbers.add(i);
        }
        return numbers;
    }
}
