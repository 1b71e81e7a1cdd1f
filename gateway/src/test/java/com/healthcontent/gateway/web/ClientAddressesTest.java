package com.healthcontent.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressesTest {

    final ClientAddresses behindIngress =
            new ClientAddresses(TrustedProxies.of(List.of("10.0.0.0/8", "2001:db8::/32")), null);

    @Test
    void aPeerThatIsNoTrustedProxyIsTheClientWhateverItWrites() throws Exception {
        assertThat(behindIngress.resolve(InetAddress.getByName("203.0.113.7"), List.of("6.6.6.6")))
                .isEqualTo("203.0.113.7");
        assertThat(new ClientAddresses(TrustedProxies.of(List.of()), null)
                        .resolve(InetAddress.getByName("10.1.1.1"), List.of("6.6.6.6")))
                .isEqualTo("10.1.1.1");
    }

    @Test
    void behindTrustedProxiesTheRightMostAddressTheyDidNotAddIsTheClient() throws Exception {
        InetAddress ingress = InetAddress.getByName("10.0.0.5");
        // the client wrote 6.6.6.6 itself; the ingress appended the address it saw
        assertThat(behindIngress.resolve(ingress, List.of("6.6.6.6, 198.51.100.20")))
                .isEqualTo("198.51.100.20");
        // two trusted hops (a load balancer, then the ingress), one header line each
        assertThat(behindIngress.resolve(ingress, List.of("6.6.6.6, 198.51.100.20", "10.9.8.7")))
                .isEqualTo("198.51.100.20");
        // a port and IPv6 forms as proxies write them
        assertThat(behindIngress.resolve(ingress, List.of("198.51.100.20:51234")))
                .isEqualTo("198.51.100.20");
        assertThat(behindIngress.resolve(ingress, List.of("[2001:db9::7]:443"))).isEqualTo("2001:db9:0:0:0:0:0:7");
        assertThat(behindIngress.resolve(ingress, List.of("2001:db9::7, 2001:db8::1")))
                .isEqualTo("2001:db9:0:0:0:0:0:7");
    }

    @Test
    void whatTheProxiesDidNotWriteAsAnAddressIsNeverTakenForOne() throws Exception {
        InetAddress ingress = InetAddress.getByName("10.0.0.5");
        // nothing forwarded: the proxy itself is as near as we get
        assertThat(behindIngress.resolve(ingress, null)).isEqualTo("10.0.0.5");
        // a name or "unknown" is no address, and is never looked up
        assertThat(behindIngress.resolve(ingress, List.of("evil.example.org"))).isEqualTo("10.0.0.5");
        assertThat(behindIngress.resolve(ingress, List.of("198.51.100.20, unknown, 10.0.0.9")))
                .isEqualTo("10.0.0.9");
        // every hop trusted: the farthest one
        assertThat(behindIngress.resolve(ingress, List.of("10.0.0.1, 10.0.0.2")))
                .isEqualTo("10.0.0.1");
    }

    @Test
    void trustedProxiesAreAddressRangesOrNothing() {
        TrustedProxies proxies = TrustedProxies.of(List.of("192.168.4.0/22", "127.0.0.1", ""));
        assertThat(proxies.trusts(new byte[] {(byte) 192, (byte) 168, 7, 1})).isTrue();
        assertThat(proxies.trusts(new byte[] {(byte) 192, (byte) 168, 8, 1})).isFalse();
        assertThat(proxies.trusts(new byte[] {127, 0, 0, 1})).isTrue();
        assertThat(proxies.trusts(new byte[] {127, 0, 0, 2})).isFalse();
        assertThatThrownBy(() -> TrustedProxies.of(List.of("ingress.internal")))
                .hasMessageContaining("ingress.internal");
        assertThatThrownBy(() -> TrustedProxies.of(List.of("10.0.0.0/33"))).hasMessageContaining("prefix");
        assertThatThrownBy(() -> TrustedProxies.of(List.of("300.1.1.1"))).hasMessageContaining("300.1.1.1");
    }
}
