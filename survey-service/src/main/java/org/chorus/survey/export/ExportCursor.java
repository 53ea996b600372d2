package org.chorus.survey.export;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import org.chorus.platform.web.paging.Cursor;
import org.chorus.platform.web.problem.ProblemException;

/**
 * Where the previous export or change feed call ended: the instant up to which it held every response, and the
 * snapshot of commits it read them in. Opaque to callers.
 */
final class ExportCursor {

    private static final String PREFIX = "export-after:";
    private static final String SNAPSHOT = " committed:";

    private ExportCursor() {
    }

    /**
     * @param upTo the responses submitted before it were held, those committed by {@code seen}
     * @param seen null in a cursor issued before cursors carried one: the call resuming from it goes by time alone
     */
    record Position(Instant upTo, CommitSnapshot seen) {
    }

    static String encode(Position position) {
        String text = PREFIX + position.upTo() + (position.seen() == null ? "" : SNAPSHOT + position.seen().text());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** @return the position, or null when no cursor was given */
    static Position decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!raw.startsWith(PREFIX)) {
                throw new IllegalArgumentException(raw);
            }
            String rest = raw.substring(PREFIX.length());
            int snapshot = rest.indexOf(SNAPSHOT);
            String time = snapshot < 0 ? rest : rest.substring(0, snapshot);
            return new Position(Cursor.instantOf(new Cursor(time, null)),
                    snapshot < 0 ? null : new CommitSnapshot(rest.substring(snapshot + SNAPSHOT.length())));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidParameter("cursor", "not a cursor an export issued");
        }
    }
}
