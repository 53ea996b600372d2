package org.chorus.directory.webhook;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Keeps webhooks off the partnership's own network (SSRF): only https, and only hosts whose every address, after DNS
 * resolution, is a public unicast one. Checked when a subscription is made and again before every attempt, since DNS
 * may change in between. {@link WebhookConfig#allowLoopback()} lets a developer's local receiver through, over http.
 * The lookup may take as long as the partner's DNS does: the sender makes it off its round's thread.
 */
@ApplicationScoped
public class TargetGuard {

    /** Why a target is refused, in the words of the 422 answer. */
    public static final class RefusedTarget extends Exception {
        RefusedTarget(String reason) {
            super(reason);
        }
    }

    private final boolean allowLoopback;
    private final HostResolver resolver;

    @Inject
    public TargetGuard(WebhookConfig config, HostResolver resolver) {
        this(config.allowLoopback(), resolver);
    }

    TargetGuard(boolean allowLoopback, HostResolver resolver) {
        this.allowLoopback = allowLoopback;
        this.resolver = resolver;
    }

    /** @return the address to post to */
    public URI check(String url) throws RefusedTarget {
        URI uri = parse(url);
        InetAddress[] addresses = resolve(uri.getHost());
        boolean allLoopback = true;
        for (InetAddress address : addresses) {
            boolean loopback = address.isLoopbackAddress();
            allLoopback &= loopback;
            if (loopback && allowLoopback) {
                continue;
            }
            if (!isPublic(address)) {
                throw new RefusedTarget("must not resolve to a private, loopback, link-local, unique-local, multicast "
                        + "or unspecified address (" + uri.getHost() + " is " + address.getHostAddress() + ")");
            }
        }
        if (!"https".equals(uri.getScheme()) && !(allLoopback && allowLoopback)) {
            throw new RefusedTarget("must be an https address");
        }
        return uri;
    }

    private static URI parse(String url) throws RefusedTarget {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
                throw new RefusedTarget("must be an https address");
            }
            if (uri.getUserInfo() != null) {
                throw new RefusedTarget("must not carry a user name or password");
            }
            if (uri.getFragment() != null) {
                throw new RefusedTarget("must not have a fragment");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new RefusedTarget("must be an absolute https address");
        }
    }

    private InetAddress[] resolve(String host) throws RefusedTarget {
        try {
            return resolver.addressesOf(host);
        } catch (UnknownHostException e) {
            throw new RefusedTarget("host " + host + " does not resolve");
        }
    }

    /** Public unicast: none of the special ranges an attacker could aim at the inside with. */
    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            boolean uniqueLocal = (bytes[0] & 0xfe) == 0xfc;
            boolean ipv4Mapped = isIpv4Mapped(bytes);
            return !uniqueLocal && !ipv4Mapped;
        }
        int first = bytes[0] & 0xff;
        int second = bytes[1] & 0xff;
        boolean thisNetwork = first == 0;
        boolean sharedAddressSpace = first == 100 && second >= 64 && second <= 127;
        boolean reserved = first >= 240;
        return !thisNetwork && !sharedAddressSpace && !reserved;
    }

    /** ::ffff:a.b.c.d would reach an IPv4 address that the checks above did not see as one. */
    private static boolean isIpv4Mapped(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff;
    }
}
