package org.chorus.e2e;

/** The API's scopes as keys hold them, named once for the tests that issue keys by scope. */
final class Scopes {

    static final String SURVEYS_MANAGE = "surveys:manage";
    static final String EXPORTS_READ = "exports:read";
    static final String CONTACTS_READ = "contacts:read";
    static final String INSIGHTS_WRITE = "insights:write";
    static final String INSIGHTS_READ = "insights:read";
    static final String WEBHOOKS_MANAGE = "webhooks:manage";
    static final String CODING_MANAGE = "coding:manage";
    static final String CODING_WRITE = "coding:write";
    static final String HANDOVER_READ = "handover:read";
    /** A partner website's publishable key. */
    static final String PUBLIC = "public";

    private Scopes() {
    }
}
