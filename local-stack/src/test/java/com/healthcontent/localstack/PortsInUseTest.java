package com.healthcontent.localstack;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A stack whose ports are taken refuses to start, instead of reporting the other processes' health as its own. */
class PortsInUseTest {

    @Test
    void aSecondStackOnTheSamePortsRefusesToStartAndSaysWhy(@TempDir Path dataDir) throws Exception {
        try (ServerSocket gatewayOfAnotherStack = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int taken = gatewayOfAnotherStack.getLocalPort();
            LocalStack.Ports ports = LocalStack.Ports.withOffset(23000);
            LocalStack stack = new LocalStack(
                    Path.of("."),
                    dataDir,
                    new LocalStack.Ports(
                            taken,
                            ports.article(),
                            ports.exercise(),
                            ports.feedback(),
                            ports.console(),
                            ports.readerSite(),
                            ports.auth(),
                            ports.kafka(),
                            ports.mongo()),
                    false,
                    Map.of());

            assertThatThrownBy(stack::start)
                    .hasMessageContaining("ports [" + taken + "] are in use")
                    .hasMessageContaining("--port-offset");
        }
    }
}
