package org.chorus.survey.export;

import java.time.Instant;

import org.chorus.survey.response.Channel;

/**
 * Which responses an export holds: submitted from {@code from} (inclusive) up to {@code to} (exclusive), optionally
 * of one channel and place. {@code to} never reaches past the moment the export started, so the next export can
 * resume exactly there.
 */
public record ExportFilter(Instant from, Instant to, Channel channel, String place) {
}
