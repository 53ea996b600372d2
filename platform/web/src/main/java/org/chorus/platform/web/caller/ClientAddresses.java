package org.chorus.platform.web.caller;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Shortens a member of the public's address to its network before it is kept: enough to see where a flood came
 * from, too little to single out a person (their address is personal data; an organisation's server's is not).
 */
public final class ClientAddresses {

    /** Compiled once: the gateway asks for every rate-limited request. */
    private static final Pattern LITERAL = Pattern.compile("[0-9a-fA-F:.\\[\\]]+");

    private ClientAddresses() {
    }

    /** IPv4 to its /24, IPv6 to its /48, in CIDR notation; anything unreadable becomes null. */
    public static String network(String address) {
        return masked(address, 3, 6);
    }

    /**
     * The part of an address one client controls: an IPv4 address whole, an IPv6 address to its /64, since one
     * subscriber is given a whole /64 and may pick any interface id in it. Anything unreadable is returned as given.
     */
    public static String subscriber(String address) {
        String masked = masked(address, 4, 8);
        return masked == null ? address : masked;
    }

    /**
     * The client a chain of trusted proxies names: each appends the address it saw to X-Forwarded-For, so with
     * {@code trustedHops} proxies the client is that many entries from the right; entries further left are whatever
     * the client sent and prove nothing.
     *
     * @param forwardedFor every X-Forwarded-For header value, in the order received
     * @param peer the TCP peer, the answer when no entry names anyone
     */
    public static String forwardedClient(List<String> forwardedFor, String peer, int trustedHops) {
        List<String> entries = forwardedFor.stream()
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(String::strip)
                .filter(entry -> !entry.isEmpty())
                .toList();
        if (entries.isEmpty() || trustedHops < 1) {
            return peer;
        }
        return entries.get(Math.max(0, entries.size() - trustedHops));
    }

    private static String masked(String address, int ipv4Bytes, int ipv6Bytes) {
        if (address == null || address.isBlank()) {
            return null;
        }
        try {
            byte[] bytes = InetAddress.getByName(literal(address)).getAddress();
            int keep = bytes.length == 4 ? ipv4Bytes : ipv6Bytes;
            byte[] masked = Arrays.copyOf(Arrays.copyOf(bytes, keep), bytes.length);
            return InetAddress.getByAddress(masked).getHostAddress() + "/" + keep * 8;
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** Only literal addresses are accepted; a host name would make this look it up. */
    private static String literal(String address) throws UnknownHostException {
        String trimmed = address.strip();
        if (!LITERAL.matcher(trimmed).matches()) {
            throw new UnknownHostException(trimmed);
        }
        return trimmed.startsWith("[") ? trimmed.substring(1, trimmed.length() - 1) : trimmed;
    }
}
