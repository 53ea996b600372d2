package org.chorus.platform.events.consume;

import java.time.Duration;

/**
 * How an {@link EventLoop} paces itself.
 *
 * @param pollTimeout the longest one poll waits; records come back as soon as they arrive, so this bounds only how
 *        often the loop looks up from the broker, not how late an event is applied; a loop in a consumer group also
 *        commits its offsets at most this often
 * @param checkInterval how often a loop reading whole topics asks for end offsets, to notice an outage and new partitions
 * @param retryBackoff the pause before a loop that failed starts a new consumer
 * @param brokerTimeout how long one call to the broker may take
 */
public record LoopTimings(Duration pollTimeout, Duration checkInterval, Duration retryBackoff, Duration brokerTimeout) {
}
