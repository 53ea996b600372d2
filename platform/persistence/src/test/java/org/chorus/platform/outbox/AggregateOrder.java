package org.chorus.platform.outbox;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.chorus.platform.events.ChorusEvent;

/** The order consumers rely on: each aggregate's events by position, as read from the topics. */
final class AggregateOrder {

    private AggregateOrder() {
    }

    /** In order the first time each arrives: a round the broker failed is sent again from its first unacknowledged. */
    static void assertEachAggregateInPositionOrder(List<ChorusEvent> delivered) {
        Map<String, Long> last = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (ChorusEvent event : delivered) {
            if (!seen.add(event.id())) {
                continue;
            }
            Long before = last.put(event.aggregateId(), event.sequence());
            assertTrue(before == null || before < event.sequence(),
                    event.aggregateId() + ": position " + event.sequence() + " arrived after " + before);
        }
    }
}
