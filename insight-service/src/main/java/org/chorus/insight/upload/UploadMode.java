package org.chorus.insight.upload;

/** What happens to good rows when others fail. */
public enum UploadMode {
    /** Good rows are stored, bad ones reported: the default, so that one typo does not hold back a whole report. */
    KEEP_VALID,
    /** Nothing is stored unless every row is good. */
    ALL_OR_NOTHING
}
