package org.chorus.platform.web.caller;

/**
 * The claims of the short-lived token the gateway signs for each request it forwards. Services trust only this
 * token, never a header a caller could set, to know who is calling.
 */
public final class InternalToken {

    public static final String ISSUER = "chorus-gateway";
    public static final String AUDIENCE = "chorus-services";
    /** The calling organisation's id. */
    public static final String ORGANISATION_CLAIM = "org";
    /** {@code secret} or {@code publishable}. */
    public static final String KEY_KIND_CLAIM = "keyKind";

    private InternalToken() {
    }
}
