package org.chorus.insight.upload;

import java.util.List;

import org.chorus.insight.activity.ActivityInput;
import org.chorus.insight.finding.FindingInput;

/**
 * A row read into the API's own input types, with every reason it cannot be stored. Findings carry no activity id
 * yet: the activity may not exist until the row is stored.
 */
record ParsedRow(int row, List<Integer> rows, String reference, ActivityInput activity, List<FindingInput> findings, List<String> reasons) {

    boolean valid() {
        return reasons.isEmpty();
    }
}
