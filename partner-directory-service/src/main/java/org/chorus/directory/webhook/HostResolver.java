package org.chorus.directory.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Looks a receiver's host up, as the guard must before every attempt. A bean of its own so that the sender's
 * behaviour when a partner's DNS is slow can be tested; in production it is the system's resolver.
 */
@ApplicationScoped
public class HostResolver {

    /** @throws UnknownHostException when the name has no address */
    public InetAddress[] addressesOf(String host) throws UnknownHostException {
        return InetAddress.getAllByName(host);
    }
}
