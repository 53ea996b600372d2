package org.chorus.platform.web;

import java.util.UUID;
import java.util.regex.Pattern;

import org.jboss.logging.MDC;

/**
 * The id that lets one request be followed through the gateway, every service's log lines and the events it causes.
 * It rides in the {@value #HEADER} header and, while a request is served, in the logging context.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";

    /** A caller's id is kept only if it is short and plain, so that it cannot inject anything into logs. */
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private RequestIds() {
    }

    public static String current() {
        Object value = MDC.get(MDC_KEY);
        return value == null ? null : value.toString();
    }

    /** The caller's id when acceptable, otherwise a new one. */
    public static String acceptOrCreate(String fromCaller) {
        return fromCaller != null && ACCEPTABLE.matcher(fromCaller).matches() ? fromCaller : UUID.randomUUID().toString();
    }
}
