package org.chorus.insight.upload;

/** What became of one row. */
public enum RowStatus {
    /** A new activity was recorded. */
    ACCEPTED,
    /** The activity with this reference existed and was corrected. */
    UPDATED,
    /** The activity with this reference is stored exactly as the row has it: nothing was changed or announced. */
    UNCHANGED,
    /** Not stored; the reasons say why. */
    REJECTED,
    /** Valid, but not stored because the upload was all-or-nothing and another row failed. */
    SKIPPED
}
