package com.healthcontent.servicedefaults.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebAddressesTest {

    @Test
    void aWebAddressHasAnHttpSchemeAHostAndABoundedLength() {
        assertThat(WebAddresses.isWeb("https://doi.org/10.1371/journal.pone.0119470"))
                .isTrue();
        assertThat(WebAddresses.isWeb("http://example.org/paper")).isTrue();
        assertThat(WebAddresses.isWeb("javascript:alert(1)")).isFalse();
        assertThat(WebAddresses.isWeb("https:///no-host")).isFalse();
        assertThat(WebAddresses.isWeb("https://exa mple.org")).isFalse();
        assertThat(WebAddresses.isWeb("ftp://example.org/file")).isFalse();
        assertThat(WebAddresses.isWeb(null)).isFalse();
        assertThat(WebAddresses.isWeb("https://example.org/" + "a".repeat(WebAddresses.MAX_LENGTH)))
                .isFalse();
    }

    @Test
    void embeddedMediaMustBeHttps() {
        assertThat(WebAddresses.isSecureWeb("https://example.org/cat.png")).isTrue();
        assertThat(WebAddresses.isSecureWeb("http://example.org/cat.png")).isFalse();
    }
}
