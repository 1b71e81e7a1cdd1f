package com.healthcontent.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * A TCP link on a fixed loopback port to a real Kafka broker, which a test can cut and restore, so that a service
 * configured with the link's address sees the broker go away and come back (connection refused, then accepted).
 * Kafka clients bootstrap through it; with the link cut they cannot reach the cluster at all.
 */
public final class BrokerLink implements AutoCloseable {

    private final int port;
    private final Supplier<String> target;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile ServerSocket server;

    /** @param target the broker's {@code host:port}, read when a connection is made */
    public BrokerLink(Supplier<String> target) {
        this.target = target;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            this.port = probe.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String address() {
        return "127.0.0.1:" + port;
    }

    public synchronized void restore() throws IOException {
        if (server != null) {
            return;
        }
        ServerSocket listening = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        server = listening;
        Thread acceptor = new Thread(
                () -> {
                    while (!listening.isClosed()) {
                        try {
                            Socket client = listening.accept();
                            String[] hostPort = target.get().split(",")[0].split(":");
                            Socket upstream = new Socket(hostPort[0], Integer.parseInt(hostPort[1]));
                            sockets.add(client);
                            sockets.add(upstream);
                            pipe(client, upstream);
                            pipe(upstream, client);
                        } catch (IOException e) {
                            return; // cut
                        }
                    }
                },
                "broker-link");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Closes the listening port and every open connection: the broker is unreachable. */
    public synchronized void cut() throws IOException {
        if (server != null) {
            server.close();
            server = null;
        }
        for (Socket socket : sockets) {
            socket.close();
        }
        sockets.clear();
    }

    private static void pipe(Socket from, Socket to) {
        Thread thread = new Thread(
                () -> {
                    try (InputStream in = from.getInputStream();
                            OutputStream out = to.getOutputStream()) {
                        in.transferTo(out);
                    } catch (IOException ignored) {
                        // the link was cut or a side closed
                    }
                },
                "broker-link-pipe");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() throws IOException {
        cut();
    }
}
