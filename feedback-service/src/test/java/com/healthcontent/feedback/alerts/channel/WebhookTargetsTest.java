package com.healthcontent.feedback.alerts.channel;

import static org.assertj.core.api.Assertions.assertThat;

import com.healthcontent.feedback.alerts.AlertProperties;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookTargetsTest {

    final WebhookTargets targets = targets(List.of());

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://127.0.0.1/hook",
                "http://localhost:8083/actuator/env",
                "http://10.1.2.3/",
                "http://172.16.0.9/",
                "http://192.168.1.1/",
                "http://169.254.169.254/latest/meta-data",
                "http://100.64.0.1/",
                "http://0.0.0.0/",
                "http://[::1]/",
                "http://[fd00::1]/",
                "http://[fe80::1]/"
            })
    void addressesInsideTheNetworkAreRefused(String url) {
        assertThat(targets.refusal(url)).startsWith("must point to a public address");
    }

    @Test
    void publicAddressesAreAccepted() {
        assertThat(targets.refusal("https://93.184.216.34/hooks/alerts")).isNull();
        assertThat(targets.refusal("https://[2606:2800:220:1:248:1893:25c8:1946]/hook"))
                .isNull();
    }

    @Test
    void listedHostsAreExemptAndOnlyThey() {
        WebhookTargets withLocalhost = targets(List.of(" LocalHost "));

        assertThat(withLocalhost.refusal("http://localhost:9999/hook")).isNull();
        assertThat(withLocalhost.refusal("http://127.0.0.1:9999/hook")).isNotNull();
    }

    @Test
    void onlyHttpUrlsWithAHost() {
        assertThat(targets.refusal("ftp://93.184.216.34/x")).isEqualTo("must be an http or https URL");
        assertThat(targets.refusal("http:///no-host")).isEqualTo("must name a host");
        assertThat(targets.refusal("http://exa mple.com/")).isEqualTo("must be an http or https URL");
    }

    private static WebhookTargets targets(List<String> allowed) {
        return new WebhookTargets(new AlertProperties(
                Duration.ofHours(1),
                5,
                0.5,
                Duration.ofSeconds(15),
                allowed,
                "alerts@healthcontent.local",
                5,
                Duration.ofSeconds(2)));
    }
}
