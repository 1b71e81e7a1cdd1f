package com.healthcontent.search.opensearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.opensearch.analysis.common.CommonAnalysisPlugin;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.node.Node;
import org.opensearch.plugins.Plugin;
import org.opensearch.transport.Netty4Plugin;

/**
 * A real OpenSearch node (the released server's code, with the HTTP and common-analysis modules the index needs)
 * in the test's JVM, one for all tests: this machine has no Docker to run the image. Started on first use, on free
 * ports, with its data in a temporary folder removed when the JVM ends.
 */
final class EmbeddedOpenSearch {

    private static URI server;

    private EmbeddedOpenSearch() {}

    static synchronized URI server() {
        if (server == null) {
            server = start();
        }
        return server;
    }

    /** {@link Node}'s constructor that takes plugins from the class path instead of a plugins folder. */
    private static final class ClassPathNode extends Node {
        ClassPathNode(Environment environment, Collection<Class<? extends Plugin>> plugins) {
            super(environment, plugins, true);
        }
    }

    private static URI start() {
        try {
            Path home = Files.createTempDirectory("opensearch-test");
            int http = freePort();
            Settings settings = Settings.builder()
                    .put("path.home", home.toString())
                    .put("path.data", home.resolve("data").toString())
                    .put("cluster.name", "search-contract")
                    .put("node.name", "search-contract")
                    .put("discovery.type", "single-node")
                    .put("network.host", "127.0.0.1")
                    .put("http.port", http)
                    .put("transport.port", freePort())
                    .put("http.type", "netty4")
                    .put("transport.type", "netty4")
                    // the disk of a build machine is often fuller than OpenSearch's defaults allow writes at
                    .put("cluster.routing.allocation.disk.threshold_enabled", false)
                    .build();
            Node node = new ClassPathNode(
                    new Environment(settings, home.resolve("config")),
                    List.of(Netty4Plugin.class, CommonAnalysisPlugin.class));
            node.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    node.close();
                    try (Stream<Path> files = Files.walk(home)) {
                        files.sorted(Comparator.reverseOrder())
                                .forEach(file -> file.toFile().delete());
                    }
                } catch (IOException e) {
                    // the JVM is ending; a temporary folder left behind is the only cost
                }
            }));
            return URI.create("http://127.0.0.1:" + http);
        } catch (Exception e) {
            throw new IllegalStateException("The test's OpenSearch node did not start", e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
