package org.chorus.platform.web.caller;

import java.util.Set;

/** The permissions a key can carry. Secret keys carry any of the managed scopes; publishable keys carry only {@link #PUBLIC}. */
public final class Scopes {

    public static final String DIRECTORY_MANAGE = "directory:manage";
    public static final String SURVEYS_MANAGE = "surveys:manage";
    public static final String INSIGHTS_WRITE = "insights:write";
    public static final String INSIGHTS_READ = "insights:read";
    public static final String EXPORTS_READ = "exports:read";
    /**
     * Respondents' contact details in exports, on top of {@link #EXPORTS_READ}: personal data, so a scope of its own
     * that an administrator grants apart from reading answers.
     */
    public static final String CONTACTS_READ = "contacts:read";
    /** An organisation's webhook subscriptions: make, read, rotate and delete them, read their delivery log. */
    public static final String WEBHOOKS_MANAGE = "webhooks:manage";
    /** Adding and revising coding frames for free text. */
    public static final String CODING_MANAGE = "coding:manage";
    /** Coding respondents' free-text answers against a frame: reads the text itself, so a scope of its own. */
    public static final String CODING_WRITE = "coding:write";
    /**
     * An organisation's own records handed over whole, from every service (its surveys' responses without contact
     * details unless the key also holds {@link #CONTACTS_READ}): for an organisation that leaves the partnership or
     * whose functions move to a new custodian.
     */
    public static final String HANDOVER_READ = "handover:read";
    /** What a partner website's publishable key may do: read open surveys and published results, submit responses. */
    public static final String PUBLIC = "public";
    /**
     * Not a scope that can be issued: every secret key holds it, no publishable key does. For operations any
     * organisation's server may call but a web page must not (reading the directory, for example).
     */
    public static final String ANY_SECRET_KEY = "secret-key";

    public static final Set<String> SECRET_SCOPES =
            Set.of(DIRECTORY_MANAGE, SURVEYS_MANAGE, INSIGHTS_WRITE, INSIGHTS_READ, EXPORTS_READ, CONTACTS_READ,
                    WEBHOOKS_MANAGE, CODING_MANAGE, CODING_WRITE, HANDOVER_READ);

    private Scopes() {
    }
}
