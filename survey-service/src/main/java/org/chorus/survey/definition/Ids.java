package org.chorus.survey.definition;

/** The shape of ids inside a definition: short, readable in exports and safe in JSON pointers and CSV headers. */
final class Ids {

    static final String PATTERN = "[a-z0-9][a-z0-9-]{0,62}";
    static final String RULE = "must be 1 to 63 lower-case letters, digits or hyphens, e.g. first-1000-days";

    private Ids() {
    }
}
