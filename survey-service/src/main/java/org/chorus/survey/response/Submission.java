package org.chorus.survey.response;

import java.util.List;

import org.chorus.platform.idempotency.IdempotencyClaim;
import org.chorus.platform.outbox.Outbox;

/**
 * A response as checked, with everything that commits with it, made on its request's thread.
 *
 * @param contact stored apart from the answers, so that nothing reading answers ever sees it; may be null
 * @param language the language the response was given in
 * @param claim the request's Idempotency-Key, if it sent one
 * @param remembered what a retry with that key gets again; null without a key
 */
record Submission(StoredResponse response, String erasureTokenHash, Contact contact, String language,
        Outbox.Announcement announcement, IdempotencyClaim<Receipt> claim, IdempotencyClaim.Remembered remembered) {

    /** The caller and Idempotency-Key, which a copy of the same request carries too; null without a key. */
    List<String> callerAndKey() {
        return remembered == null ? null : List.of(remembered.caller(), remembered.key());
    }
}
