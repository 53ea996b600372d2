package org.chorus.directory.place;

/** The levels of the partnership's geography, from the whole system down to a council's area. */
public enum PlaceKind {
    INTEGRATED_CARE_SYSTEM,
    LOCAL_PARTNERSHIP,
    LOCAL_AUTHORITY_AREA
}
