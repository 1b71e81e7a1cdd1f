package com.healthcontent.servicedefaults.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param publicReads path patterns anyone may GET without a token (published content); every other request
 *                    needs a verified token, and controllers check roles and ownership on top.
 */
@ConfigurationProperties("platform.security")
public record ServiceSecurityProperties(List<String> publicReads) {

    public ServiceSecurityProperties {
        publicReads = publicReads == null ? List.of() : List.copyOf(publicReads);
    }
}
