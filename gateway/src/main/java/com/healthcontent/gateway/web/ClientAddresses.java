package com.healthcontent.gateway.web;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.web.server.ServerWebExchange;

/**
 * Who a request came from, as rate limits and the services' per-reader limits need it. Whoever connects is the
 * client, unless it is one of the {@link TrustedProxies}: then {@code X-Forwarded-For} is read from the right (each
 * proxy appends the address it saw), past the trusted proxies, and the first address not trusted is the client.
 * Never the left-most entry, which the client writes itself; a forwarded header from a peer that is not trusted is
 * ignored altogether.
 */
public final class ClientAddresses {

    private static final String ATTRIBUTE = ClientAddresses.class.getName() + ".client";

    private final TrustedProxies trusted;

    public ClientAddresses(TrustedProxies trusted) {
        this.trusted = trusted;
    }

    /** The client's address, worked out once per request. */
    public String of(ServerWebExchange exchange) {
        String known = exchange.getAttribute(ATTRIBUTE);
        if (known != null) {
            return known;
        }
        InetSocketAddress peer = exchange.getRequest().getRemoteAddress();
        String client = peer == null || peer.getAddress() == null
                ? "unknown"
                : resolve(peer.getAddress(), exchange.getRequest().getHeaders().get("X-Forwarded-For"));
        exchange.getAttributes().put(ATTRIBUTE, client);
        return client;
    }

    /** Whether the request came through a trusted proxy, whose other forwarded headers are then believed too. */
    public boolean viaTrustedProxy(ServerWebExchange exchange) {
        InetSocketAddress peer = exchange.getRequest().getRemoteAddress();
        return peer != null
                && peer.getAddress() != null
                && trusted.trusts(peer.getAddress().getAddress());
    }

    String resolve(InetAddress peer, List<String> forwardedFor) {
        if (!trusted.trusts(peer.getAddress()) || forwardedFor == null) {
            return peer.getHostAddress();
        }
        List<String> hops = new ArrayList<>();
        forwardedFor.forEach(header -> hops.addAll(List.of(header.split(","))));
        String nearest = peer.getHostAddress();
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<byte[]> hop = TrustedProxies.literal(hops.get(i));
            if (hop.isEmpty()) {
                return nearest; // a trusted proxy wrote something that is no address: the last one we know
            }
            nearest = text(hop.get());
            if (!trusted.trusts(hop.get())) {
                return nearest;
            }
        }
        return nearest; // every hop trusted: the farthest one is as near as the client gets
    }

    private static String text(byte[] address) {
        try {
            return InetAddress.getByAddress(address).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // only for a wrong length, which literal() never gives
        }
    }
}
