package org.chorus.insight.activity;

/** The ways the partnership hears people, as its engagement framework lists them. */
public enum EngagementMethod {
    OUTREACH_WITH_SPECIFIC_GROUPS,
    COMMENT_CARDS,
    WORKSHOP,
    NEIGHBOURHOOD_EVENT,
    LIVED_EXPERIENCE_INVOLVEMENT,
    COMMUNITY_GROUP_DISCUSSION,
    TELEPHONE_INTERVIEW,
    IN_DEPTH_CONVERSATION,
    FACE_TO_FACE_INTERVIEW,
    PUBLIC_ENGAGEMENT_EVENT,
    SURVEY_OR_QUESTIONNAIRE,
    FOCUS_GROUP
}
