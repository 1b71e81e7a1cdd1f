package com.healthcontent.localstack;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.h2.mvstore.MVStore;

/**
 * Runs mongo-java-server (MongoDB's wire protocol, H2 file backend {@link LocalStackH2Backend with cheaper storage
 * formats}) for the local stack, in its own JVM like a mongod: the services reach it with the real MongoDB driver, and
 * its data survives a restart.
 *
 * <pre>java -cp ... com.healthcontent.localstack.MongoWireServer PORT FILE</pre>
 */
public final class MongoWireServer {

    /**
     * H2's page cache, by its estimates of the decoded pages' heap size (16 MB by default). Unique keys are random
     * (ids, vote keys), so an insert's index lookups land on pages all over the index: 300,000 feedback-like inserts
     * took 59.5 s at 16 MB and 55.4 s at 64 MB (docs/benchmarks.md). MongoDB's own cache takes half the machine's
     * memory.
     */
    private static final int CACHE_MEGABYTES = 64;

    private MongoWireServer() {}

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Path file = Path.of(args[1]);
        Files.createDirectories(file.toAbsolutePath().getParent());
        H2Backend backend = new LocalStackH2Backend(new MVStore.Builder()
                .fileName(file.toString())
                .cacheSize(CACHE_MEGABYTES)
                .open());
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", port);
        System.out.println("MongoDB wire server on 127.0.0.1:" + port + ", data in " + file);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdown(); // closes the H2 store cleanly, so the next start finds consistent data
            stopped.countDown();
        }));
        stopped.await();
    }
}
