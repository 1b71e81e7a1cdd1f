package com.healthcontent.gateway.web;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
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
 *
 * <p>The reader site is believed wherever it runs when it shows its key ({@code X-Reader-Site-Key}, the same
 * READER_SITE_KEY on both): it calls the API for the reader whose page it builds and names them as the right-most
 * {@code X-Forwarded-For} entry. Its address alone cannot say so in Compose or on one machine, where it shares
 * addresses with clients that are not to be believed.
 */
public final class ClientAddresses {

    /** The header with which the reader site shows its key; never passed on to the services. */
    public static final String READER_SITE_KEY = "X-Reader-Site-Key";

    private static final String ATTRIBUTE = ClientAddresses.class.getName() + ".client";

    private final TrustedProxies trusted;
    private final byte[] readerSiteKey;

    public ClientAddresses(TrustedProxies trusted, String readerSiteKey) {
        this.trusted = trusted;
        this.readerSiteKey = readerSiteKey == null || readerSiteKey.isBlank()
                ? null
                : readerSiteKey.getBytes(StandardCharsets.UTF_8);
    }

    /** Whether the request is the reader site's, calling for one of its readers: it showed the key. */
    public boolean fromReaderSite(ServerWebExchange exchange) {
        String shown = exchange.getRequest().getHeaders().getFirst(READER_SITE_KEY);
        return readerSiteKey != null
                && shown != null
                && MessageDigest.isEqual(readerSiteKey, shown.getBytes(StandardCharsets.UTF_8));
    }

    /** The client's address, worked out once per request. */
    public String of(ServerWebExchange exchange) {
        String known = exchange.getAttribute(ATTRIBUTE);
        if (known != null) {
            return known;
        }
        InetSocketAddress peer = exchange.getRequest().getRemoteAddress();
        List<String> forwardedFor = exchange.getRequest().getHeaders().get("X-Forwarded-For");
        String client = peer == null || peer.getAddress() == null
                ? "unknown"
                : fromReaderSite(exchange)
                        ? readerNamedBySite(peer.getAddress(), forwardedFor)
                        : resolve(peer.getAddress(), forwardedFor);
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

    /** The reader the site names: the right-most address it wrote (none: the site itself). */
    private static String readerNamedBySite(InetAddress site, List<String> forwardedFor) {
        if (forwardedFor == null || forwardedFor.isEmpty()) {
            return site.getHostAddress();
        }
        String last = forwardedFor.get(forwardedFor.size() - 1);
        return TrustedProxies.literal(last.substring(last.lastIndexOf(',') + 1))
                .map(ClientAddresses::text)
                .orElse(site.getHostAddress());
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
