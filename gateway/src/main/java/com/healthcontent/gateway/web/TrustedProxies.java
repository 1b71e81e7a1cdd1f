package com.healthcontent.gateway.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The proxies in front of the gateway whose {@code X-Forwarded-For} is believed: address ranges in CIDR notation
 * ({@code 10.0.0.0/8}, {@code 2001:db8::/32}; a plain address is a range of one). Nothing is trusted by default:
 * whoever connects is the client.
 */
public final class TrustedProxies {

    private record Range(byte[] network, int prefixBits) {

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int fullBytes = prefixBits / 8;
            for (int i = 0; i < fullBytes; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int restBits = prefixBits % 8;
            if (restBits == 0) {
                return true;
            }
            int mask = (0xFF << (8 - restBits)) & 0xFF;
            return (address[fullBytes] & mask) == (network[fullBytes] & mask);
        }
    }

    private final List<Range> ranges;

    private TrustedProxies(List<Range> ranges) {
        this.ranges = List.copyOf(ranges);
    }

    /** From a list such as {@code "10.0.0.0/8, 172.16.0.0/12"}; refuses what is not an address range. */
    public static TrustedProxies of(List<String> cidrs) {
        List<Range> ranges = new ArrayList<>();
        for (String cidr : cidrs) {
            if (cidr.isBlank()) {
                continue;
            }
            String[] parts = cidr.strip().split("/", 2);
            byte[] network = literal(parts[0])
                    .orElseThrow(() -> new IllegalArgumentException(
                            "Trusted proxy '" + cidr + "' is not an IP address or CIDR range (e.g. 10.0.0.0/8)"));
            int bits = network.length * 8;
            if (parts.length == 2) {
                try {
                    bits = Integer.parseInt(parts[1]);
                } catch (NumberFormatException e) {
                    bits = -1;
                }
                if (bits < 0 || bits > network.length * 8) {
                    throw new IllegalArgumentException("Trusted proxy '" + cidr + "' has no valid prefix length");
                }
            }
            ranges.add(new Range(network, bits));
        }
        return new TrustedProxies(ranges);
    }

    public boolean trusts(byte[] address) {
        return ranges.stream().anyMatch(range -> range.contains(address));
    }

    /**
     * The bytes of an IP address written as a literal ({@code 203.0.113.7}, {@code 2001:db8::1}, also with a port or
     * in brackets as proxies write them); empty for anything else. Never looks a name up.
     */
    static Optional<byte[]> literal(String text) {
        String value = text.strip();
        if (value.startsWith("[")) { // [2001:db8::1]:443
            int end = value.indexOf(']');
            value = end < 0 ? "" : value.substring(1, end);
        } else if (value.indexOf(':') > 0 && value.indexOf(':') == value.lastIndexOf(':') && value.contains(".")) {
            value = value.substring(0, value.indexOf(':')); // 203.0.113.7:51234
        }
        boolean ipv4 = value.matches("(\\d{1,3})(\\.\\d{1,3}){3}")
                && List.of(value.split("\\.")).stream().allMatch(octet -> Integer.parseInt(octet) <= 255);
        boolean ipv6 = value.contains(":") && value.matches("[0-9A-Fa-f:.]+");
        if (!ipv4 && !ipv6) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(value).getAddress()); // a literal: no lookup
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
