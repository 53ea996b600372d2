package org.chorus.platform.web.caller;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * Shortens a member of the public's address to its network before it is kept: enough to see where a flood came
 * from, too little to single out a person (their address is personal data; an organisation's server's is not).
 */
public final class ClientAddresses {

    private ClientAddresses() {
    }

    /** IPv4 to its /24, IPv6 to its /48, in CIDR notation; anything unreadable becomes null. */
    public static String network(String address) {
        if (address == null || address.isBlank()) {
            return null;
        }
        try {
            byte[] bytes = InetAddress.getByName(literal(address)).getAddress();
            int keep = bytes.length == 4 ? 3 : 6;
            byte[] masked = Arrays.copyOf(Arrays.copyOf(bytes, keep), bytes.length);
            return InetAddress.getByAddress(masked).getHostAddress() + "/" + keep * 8;
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** Only literal addresses are accepted; a host name would make this look it up. */
    private static String literal(String address) throws UnknownHostException {
        String trimmed = address.strip();
        if (!trimmed.matches("[0-9a-fA-F:.\\[\\]]+")) {
            throw new UnknownHostException(trimmed);
        }
        return trimmed.startsWith("[") ? trimmed.substring(1, trimmed.length() - 1) : trimmed;
    }
}
