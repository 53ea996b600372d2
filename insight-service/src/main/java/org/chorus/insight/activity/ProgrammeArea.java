package org.chorus.insight.activity;

/** The partnership's programmes of work that insight is used to shape; OTHER for anything outside them. */
public enum ProgrammeArea {
    MENTAL_HEALTH,
    PRIMARY_CARE,
    MATERNITY,
    STROKE,
    CANCER,
    DIABETES,
    SUICIDE_PREVENTION,
    CHILDREN_AND_YOUNG_PEOPLE,
    COMMUNITY_SERVICES,
    URGENT_AND_EMERGENCY_CARE,
    DIGITAL_HEALTH,
    SYSTEM_VISION,
    OTHER
}
