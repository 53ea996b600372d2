package org.chorus.survey.export;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import org.chorus.platform.web.paging.Cursor;
import org.chorus.platform.web.problem.ProblemException;

/** Where the previous export ended: the instant up to which it held every response. Opaque to callers. */
final class ExportCursor {

    private static final String PREFIX = "export-after:";

    private ExportCursor() {
    }

    static String encode(Instant upTo) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + upTo).getBytes(StandardCharsets.UTF_8));
    }

    /** @return the instant, or null when no cursor was given */
    static Instant decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!raw.startsWith(PREFIX)) {
                throw new IllegalArgumentException(raw);
            }
            return Cursor.instantOf(new Cursor(raw.substring(PREFIX.length()), null));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidParameter("cursor", "not a cursor an export issued");
        }
    }
}
