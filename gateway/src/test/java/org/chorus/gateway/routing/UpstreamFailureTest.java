package org.chorus.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;

import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.VertxException;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.StreamResetException;

class UpstreamFailureTest {

    @Test
    void aConnectionThatCouldNotBeMadeIsRefusedAndUnavailable() {
        assertEquals(UpstreamFailure.REFUSED, UpstreamFailure.of(new ConnectException("Connection refused")));
        assertEquals(UpstreamFailure.REFUSED, UpstreamFailure.of(new ConnectTimeoutException("connection timed out")));
        assertEquals(UpstreamFailure.REFUSED, UpstreamFailure.of(new VertxException(new ConnectException("refused"))));
        assertEquals(GatewayProblem.SERVICE_UNAVAILABLE, UpstreamFailure.REFUSED.problem());
    }

    @Test
    void aConnectionThatEndedBeforeTheAnswerIsClosedAndUnavailableNeverABadGateway() {
        assertEquals(UpstreamFailure.CLOSED, UpstreamFailure.of(new HttpClosedException("Connection was closed")));
        assertEquals(UpstreamFailure.CLOSED, UpstreamFailure.of(new SocketException("Connection reset")));
        assertEquals(UpstreamFailure.CLOSED, UpstreamFailure.of(new IOException("Broken pipe")));
        // The proxy's own reset after writing the body failed, seen before the close.
        assertEquals(UpstreamFailure.CLOSED, UpstreamFailure.of(new StreamResetException(0)));
        assertEquals(GatewayProblem.SERVICE_UNAVAILABLE, UpstreamFailure.CLOSED.problem());
    }

    @Test
    void silenceIsATimeoutAndAnythingElseABadGateway() {
        assertEquals(UpstreamFailure.TIMED_OUT, UpstreamFailure.of(new VertxException(new TimeoutException("idle"))));
        assertEquals(GatewayProblem.GATEWAY_TIMEOUT, UpstreamFailure.TIMED_OUT.problem());
        assertEquals(UpstreamFailure.BROKEN, UpstreamFailure.of(new IllegalStateException("invalid response")));
        assertEquals(GatewayProblem.BAD_GATEWAY, UpstreamFailure.BROKEN.problem());
    }
}
