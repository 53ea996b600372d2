package org.chorus.gateway.keys;

import org.chorus.platform.events.contract.ApiKeyData;

/**
 * The outcome of checking a request's key: the key, or why the request is refused.
 *
 * @param key the caller's key when accepted, otherwise null
 * @param refusal why the request is refused, or null when accepted
 */
public record Authentication(ApiKeyData key, Refusal refusal) {

    /** Why a request's key is not accepted, in words a caller can act on. */
    public enum Refusal {
        MISSING("This request needs an API key: send it as 'Authorization: Bearer <key>'"),
        MALFORMED("The Authorization header must be 'Bearer <key>'"),
        UNKNOWN("The API key is not known"),
        REVOKED("The API key has been revoked"),
        EXPIRED("The API key has expired"),
        /** Not the caller's fault: the gateway has not yet read every key, so it cannot say the key is unknown. */
        NOT_READY("The gateway is still loading API keys; retry in a moment");

        private final String detail;

        Refusal(String detail) {
            this.detail = detail;
        }

        public String detail() {
            return detail;
        }
    }

    public boolean accepted() {
        return key != null;
    }

    static Authentication of(ApiKeyData key) {
        return new Authentication(key, null);
    }

    static Authentication refused(Refusal refusal) {
        return new Authentication(null, refusal);
    }
}
