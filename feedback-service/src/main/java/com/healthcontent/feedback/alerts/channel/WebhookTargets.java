package com.healthcontent.feedback.alerts.channel;

import com.healthcontent.feedback.alerts.AlertProperties;
import com.healthcontent.servicedefaults.problem.InvalidInputException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Where webhooks may go (OWASP API7, server-side request forgery): a signed-in reviewer sets the URL, and the
 * service then POSTs from inside the network. Only hosts that resolve to public addresses are accepted, unless
 * listed in {@code platform.feedback.alerts.webhook-allowed-hosts}. Checked when the URL is set and again before
 * every delivery, since a name can resolve elsewhere later. Redirects are not followed (the sender's default).
 */
@Component
public class WebhookTargets {

    private final Set<String> allowedHosts;

    WebhookTargets(AlertProperties properties) {
        this.allowedHosts = properties.webhookAllowedHosts().stream()
                .map(h -> h.strip().toLowerCase(Locale.ROOT))
                .filter(h -> !h.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Refuses (400, field {@code webhookUrl}) a URL whose host is not public and not allowed. */
    public void requirePublic(String url) {
        String refusal = refusal(url);
        if (refusal != null) {
            throw new InvalidInputException("webhookUrl", refusal);
        }
    }

    /** Why a webhook may not be sent to this URL, or null when it may. */
    String refusal(String url) {
        String host;
        try {
            URI uri = URI.create(url);
            host = uri.getHost();
            if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
                return "must be an http or https URL";
            }
        } catch (IllegalArgumentException notAUri) {
            return "must be an http or https URL";
        }
        if (host == null) {
            return "must name a host";
        }
        host = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        host = host.toLowerCase(Locale.ROOT);
        if (allowedHosts.contains(host)) {
            return null;
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (!isPublic(address)) {
                    return "must point to a public address, not " + address.getHostAddress();
                }
            }
            return null;
        } catch (UnknownHostException e) {
            return "host " + host + " is not known";
        }
    }

    private static boolean isPublic(InetAddress address) {
        byte[] bytes = address.getAddress();
        boolean uniqueLocalV6 = address instanceof Inet6Address && (bytes[0] & 0xFE) == 0xFC;
        boolean carrierGradeNat = bytes.length == 4 && (bytes[0] & 0xFF) == 100 && (bytes[1] & 0xC0) == 64;
        return !(address.isAnyLocalAddress()
                || address.isLoopbackAddress()
                || address.isSiteLocalAddress()
                || address.isLinkLocalAddress()
                || address.isMulticastAddress()
                || uniqueLocalV6
                || carrierGradeNat);
    }
}
