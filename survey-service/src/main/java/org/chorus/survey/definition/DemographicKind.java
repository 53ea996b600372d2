package org.chorus.survey.definition;

/** What a demographic question asks; special categories are stored only with the respondent's explicit consent. */
public enum DemographicKind {
    AGE_BAND,
    /** The options are place codes; the answer becomes the response's place. */
    PLACE,
    /** Ethnicity, sexuality, religion, disability and the like (UK GDPR article 9). */
    SPECIAL_CATEGORY;

    public boolean needsConsent() {
        return this == SPECIAL_CATEGORY;
    }
}
