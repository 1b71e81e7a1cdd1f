package com.healthcontent.editorial.staff;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param directoryUrl    the authorization server's staff list (names, credentials, roles): STAFF_DIRECTORY_URL
 * @param refreshInterval how often the local copy is refreshed in the background: STAFF_DIRECTORY_REFRESH
 */
@ConfigurationProperties("platform.staff")
public record StaffDirectoryProperties(
        @DefaultValue("http://localhost:9000/api/v1/staff") URI directoryUrl,
        @DefaultValue("60s") Duration refreshInterval) {}
