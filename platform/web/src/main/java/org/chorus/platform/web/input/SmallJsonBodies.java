package org.chorus.platform.web.input;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Reads a small JSON body whole on the event loop, before a blocking endpoint runs, so that its worker thread parses it
 * from memory. Otherwise RESTEasy Reactive gives a blocking endpoint a stream that the worker reads while the event loop
 * is still receiving it: the worker waits and the event loop wakes it for every chunk and for the end. Under load that
 * hand-over was an eighth of the survey service's request threads' time. Larger bodies, bodies of unknown length and
 * anything that is not JSON (uploads, forms) still stream, so nothing large is held in memory.
 */
@ApplicationScoped
public class SmallJsonBodies implements Handler<RoutingContext> {

    /** Right after the checks of the head, so that a refused head's body is never read. */
    static final int ORDER = HeaderLines.ORDER + 1;

    /** The most bytes read ahead: a response or a survey definition is a few kilobytes; an upload streams. */
    static final long MOST = 64 * 1024;

    private final BodyHandler reader = BodyHandler.create(false).setBodyLimit(MOST);
    private final boolean enabled;

    public SmallJsonBodies(JsonReadAheadConfig config) {
        this.enabled = config.enabled();
    }

    void install(@Observes Router router) {
        if (enabled) {
            router.route().order(ORDER).handler(this);
        }
    }

    @Override
    public void handle(RoutingContext context) {
        if (readsAhead(context.request())) {
            reader.handle(context);
        } else {
            context.next();
        }
    }

    /** Whether the request declares a JSON body of at most {@link #MOST} bytes. */
    static boolean readsAhead(HttpServerRequest request) {
        String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
        if (type == null || !type.toLowerCase(Locale.ROOT).contains("json")) {
            return false;
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        // Six digits or fewer, all ASCII: anything else is either too long to read ahead or not a length at all.
        if (length == null || length.isEmpty() || length.length() > 6) {
            return false;
        }
        for (int i = 0; i < length.length(); i++) {
            char c = length.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        int declared = Integer.parseInt(length);
        return declared > 0 && declared <= MOST;
    }
}
