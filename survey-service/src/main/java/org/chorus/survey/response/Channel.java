package org.chorus.survey.response;

/** How a response reached Chorus: a partner website, or staff entering it for someone on the phone, on paper etc. */
public enum Channel {
    ONLINE,
    PHONE,
    PAPER,
    EASY_READ,
    EVENT
}
