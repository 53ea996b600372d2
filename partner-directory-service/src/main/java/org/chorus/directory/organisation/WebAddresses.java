package org.chorus.directory.organisation;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.chorus.platform.web.problem.FieldError;

/**
 * Checks websites and web origins. An allowed origin decides which pages may use a publishable key, so it must be
 * exactly a browser origin: scheme, host and optional port, nothing else.
 */
final class WebAddresses {

    private WebAddresses() {
    }

    static List<FieldError> checkWebsite(String website) {
        if (website == null) {
            return List.of();
        }
        URI uri = parse(website);
        if (uri == null || !isHttp(uri) || uri.getHost() == null) {
            return List.of(FieldError.body("/website", "must be an http or https address, e.g. https://example.org"));
        }
        return List.of();
    }

    /** @return the origins in canonical form (lower case, no trailing slash) */
    static List<String> canonicalOrigins(List<String> origins, List<FieldError> errors) {
        List<String> canonical = new ArrayList<>();
        for (int i = 0; i < origins.size(); i++) {
            String origin = canonicalOrigin(origins.get(i));
            if (origin == null) {
                errors.add(FieldError.body("/allowedOrigins/" + i,
                        "must be a web origin: scheme, host and optional port, e.g. https://www.example.org"));
            } else if (!canonical.contains(origin)) {
                canonical.add(origin);
            }
        }
        return canonical;
    }

    private static String canonicalOrigin(String value) {
        String trimmed = value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
        URI uri = parse(trimmed);
        if (uri == null || !isHttp(uri) || uri.getHost() == null || uri.getRawPath() != null && !uri.getRawPath().isEmpty()
                || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            return null;
        }
        String port = uri.getPort() == -1 ? "" : ":" + uri.getPort();
        return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost().toLowerCase(Locale.ROOT) + port;
    }

    private static boolean isHttp(URI uri) {
        return "https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme());
    }

    private static URI parse(String value) {
        try {
            return new URI(value);
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
