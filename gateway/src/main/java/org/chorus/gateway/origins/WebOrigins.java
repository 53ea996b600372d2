package org.chorus.gateway.origins;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Puts a web origin into the directory's canonical form, {@code scheme://host[:port]} in lower case without a default
 * port, so that an origin a browser sends and one an administrator typed compare equal exactly when they are one.
 */
public final class WebOrigins {

    private WebOrigins() {
    }

    /** The canonical origin, or null when the value is not an http(s) origin (a browser's {@code null} included). */
    public static String canonical(String origin) {
        if (origin == null || origin.isBlank() || origin.length() > 512) {
            return null;
        }
        URI uri;
        try {
            uri = new URI(origin.trim());
        } catch (URISyntaxException e) {
            return null;
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean bare = uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/");
        if (!("https".equals(scheme) || "http".equals(scheme)) || uri.getHost() == null || uri.getRawUserInfo() != null
                || !bare || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            return null;
        }
        int port = uri.getPort();
        boolean defaultPort = port == -1 || ("https".equals(scheme) && port == 443) || ("http".equals(scheme) && port == 80);
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        return scheme + "://" + host + (defaultPort ? "" : ":" + port);
    }
}
