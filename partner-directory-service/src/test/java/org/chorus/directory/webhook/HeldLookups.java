package org.chorus.directory.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

/**
 * A partner's DNS that answers only when a test lets it: names under {@value #DOMAIN} resolve to this machine, at once
 * or, while a test holds them, not before it lets go. Every other name is looked up as in production.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class HeldLookups extends HostResolver {

    static final String DOMAIN = ".dns-held.test";

    private static volatile CountDownLatch held = new CountDownLatch(0);
    private static final AtomicInteger WAITING = new AtomicInteger();

    /** How many lookups wait for a test to let go. */
    static int waiting() {
        return WAITING.get();
    }

    /** Holds lookups of the names until the answer is closed. */
    static AutoCloseable hold() {
        CountDownLatch latch = new CountDownLatch(1);
        held = latch;
        return latch::countDown;
    }

    @Override
    public InetAddress[] addressesOf(String host) throws UnknownHostException {
        if (!host.endsWith(DOMAIN)) {
            return super.addressesOf(host);
        }
        WAITING.incrementAndGet();
        try {
            if (!held.await(5, TimeUnit.MINUTES)) {
                throw new UnknownHostException(host + ": no answer");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnknownHostException(host + ": lookup interrupted");
        } finally {
            WAITING.decrementAndGet();
        }
        return new InetAddress[] { InetAddress.getLoopbackAddress() };
    }
}
