package org.chorus.insight.activity;

/** The four stakeholder groups the engagement framework says it is important to reach. */
public enum StakeholderGroup {
    SERVICE_USERS_AND_PUBLIC,
    CLINICAL_STAFF,
    WIDER_WORKFORCE,
    LOCAL_LEADERS
}
