package com.healthcontent.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Last, as it ends the end-to-end stack ({@link SharedStack}): the launcher stopped as Ctrl-C would stop it. */
@Order(5)
@ExtendWith(SharedStack.class)
class StackShutdownIT {

    @Test
    void sigtermStopsEveryProcessItStarted(StackUnderTest stack) throws Exception {
        List<ProcessHandle> children = stack.launcher().descendants().toList();
        stack.launcher().destroy(); // SIGTERM, as Ctrl-C or a process manager would send it
        assertThat(stack.launcher().waitFor(90, TimeUnit.SECONDS)).isTrue();
        await().atMost(Duration.ofSeconds(30)).until(() -> children.stream().noneMatch(ProcessHandle::isAlive));
        // Kafka, MongoDB, auth-server, article-, exercise-service, two feedback-services, the gateway, the console,
        // the reader site
        assertThat(stack.console()).contains("Stopped 10 processes");
    }
}
