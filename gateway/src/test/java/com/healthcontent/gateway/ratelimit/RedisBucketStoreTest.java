package com.healthcontent.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.bucket4j.ConsumptionProbe;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two gateway instances share their rate limits through a real Redis server (Debian's redis-server, installed by
 * .ci/run); skipped where no redis-server binary exists.
 */
class RedisBucketStoreTest {

    static Process redis;
    static int port;

    @BeforeAll
    static void startRedis() throws IOException {
        Path binary = Path.of("/usr/bin/redis-server");
        Assumptions.assumeTrue(Files.isExecutable(binary), "redis-server is not installed");
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        redis = new ProcessBuilder(
                        binary.toString(),
                        "--port",
                        Integer.toString(port),
                        "--bind",
                        "127.0.0.1",
                        "--save",
                        "",
                        "--appendonly",
                        "no")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            try (Socket probe = new Socket("127.0.0.1", port)) {
                return true;
            } catch (IOException notYet) {
                return false;
            }
        });
    }

    @AfterAll
    static void stopRedis() throws InterruptedException {
        if (redis != null) {
            redis.destroy();
            redis.waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void twoInstancesCountAgainstTheSameBucket() throws Exception {
        RedisBucketStore first = new RedisBucketStore("redis://127.0.0.1:" + port);
        RedisBucketStore second = new RedisBucketStore("redis://127.0.0.1:" + port);
        try {
            var limit = RateLimitFilter.perMinute(3);
            assertThat(first.tryConsume("ip:10.0.0.1", limit).block().isConsumed())
                    .isTrue();
            assertThat(second.tryConsume("ip:10.0.0.1", limit).block().isConsumed())
                    .isTrue();
            assertThat(first.tryConsume("ip:10.0.0.1", limit).block().isConsumed())
                    .isTrue();
            ConsumptionProbe refused = second.tryConsume("ip:10.0.0.1", limit).block();
            assertThat(refused.isConsumed()).isFalse();
            assertThat(refused.getNanosToWaitForRefill()).isPositive();
            assertThat(second.tryConsume("ip:10.0.0.2", limit).block().isConsumed())
                    .isTrue();
        } finally {
            first.destroy();
            second.destroy();
        }
    }
}
