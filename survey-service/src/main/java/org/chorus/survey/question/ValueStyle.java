package org.chorus.survey.question;

/** What an export's cells hold for answers that pick from a list: what respondents read, or stable codes. */
public enum ValueStyle {
    /** An option's English label; a ranking as one column per rank holding the item's label. */
    LABELS,
    /** An option's id; a ranking as one column per item holding the rank it was given, as statistics packages want. */
    CODES
}
