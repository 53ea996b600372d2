package org.chorus.platform.web.caller;

/**
 * The claims of the short-lived token the gateway signs for each request it forwards. Services trust only this
 * token, never a header a caller could set, to know who is calling.
 */
public final class InternalToken {

    public static final String ISSUER = "chorus-gateway";
    /** The calling organisation's id. */
    public static final String ORGANISATION_CLAIM = "org";
    /** {@code secret} or {@code publishable}. */
    public static final String KEY_KIND_CLAIM = "keyKind";

    private InternalToken() {
    }

    /**
     * The audience of the tokens meant for one service, named as the gateway's configuration names it
     * ({@code survey} gives {@code chorus-survey}). Each service verifies only its own (mp.jwt.verify.audiences), so a
     * token that reached one service cannot be replayed at another.
     */
    public static String audienceOf(String service) {
        return "chorus-" + service;
    }
}
