package com.healthcontent.gateway.web;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * What the gateway checks of every request before it routes it (values and environment variables in
 * application.yml).
 *
 * @param http    requests with a larger body are refused (413): MAX_BODY_SIZE
 * @param proxies the proxies in front whose X-Forwarded-For is believed: GATEWAY_TRUSTED_PROXIES, and the key the reader
 *                site sends to be believed about its readers wherever it runs: READER_SITE_KEY
 * @param cors    the browser origins that may call the API: CORS_ALLOWED_ORIGINS
 */
@ConfigurationProperties("platform")
public record EdgeProperties(Http http, Proxies proxies, Cors cors) {

    public record Http(DataSize maxBodySize) {}

    public record Proxies(List<String> trusted, String readerSiteKey) {}

    public record Cors(List<String> allowedOrigins) {}
}
