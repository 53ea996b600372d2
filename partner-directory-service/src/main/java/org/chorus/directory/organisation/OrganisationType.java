package org.chorus.directory.organisation;

/** The kinds of organisation in a health and care partnership. */
public enum OrganisationType {
    ICB,
    NHS_TRUST,
    LOCAL_AUTHORITY,
    HEALTHWATCH,
    VCFSE,
    PRIMARY_CARE_NETWORK,
    OTHER
}
