package com.healthcontent.readersite;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the site finds the platform and how it names itself.
 *
 * @param apiUrl the public API, through the gateway like any client (GATEWAY_URL)
 * @param publicUrl the site's origin as readers reach it, for canonical links, the sitemap and shared previews
 *     (READER_SITE_PUBLIC_URL)
 * @param name the site's name in titles and the web app manifest
 * @param apiTimeout how long a page waits for the API before it says the page cannot be shown right now
 * @param gatewayKey shown to the gateway on every call, so that it believes which reader the site calls for
 *     (READER_SITE_KEY, the same as the gateway's; empty: the gateway counts the site as one client)
 */
@ConfigurationProperties("platform.reader-site")
public record ReaderSiteProperties(
        String apiUrl, String publicUrl, String name, Duration apiTimeout, String gatewayKey) {

    /** An absolute address on the site, for canonical links and structured data. */
    public String absolute(String path) {
        return publicUrl.replaceAll("/+$", "") + path;
    }
}
