package org.chorus.survey.export;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.chorus.survey.response.Channel;

/**
 * Which responses an export holds: submitted from {@code from} (inclusive) up to {@code to} (exclusive), optionally
 * of one channel and place. {@code to} never reaches past the moment the export started, so the next export can
 * resume exactly there.
 */
public record ExportFilter(Instant from, Instant to, Channel channel, String place) {

    /** The filters as the audit log and a data package record them: only those given, {@code to} always. */
    Map<String, String> describe() {
        Map<String, String> filters = new LinkedHashMap<>();
        if (from != null) {
            filters.put("from", from.toString());
        }
        filters.put("to", to.toString());
        if (channel != null) {
            filters.put("channel", channel.name());
        }
        if (place != null) {
            filters.put("place", place);
        }
        return filters;
    }
}
