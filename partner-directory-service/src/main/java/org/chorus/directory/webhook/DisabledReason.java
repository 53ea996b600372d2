package org.chorus.directory.webhook;

/** Why a subscription no longer receives deliveries; its owner reads it, and the disabling event carries it. */
public enum DisabledReason {

    /** Its deliveries failed {@link WebhookConfig#disableAfterFailures()} times in a row. */
    FAILING,

    /** Its organisation was deactivated: it is no longer a partner, so nothing more is sent to it. */
    ORGANISATION_DEACTIVATED
}
