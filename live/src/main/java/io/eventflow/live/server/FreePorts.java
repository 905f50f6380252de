package io.eventflow.live.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;

/** Free loopback ports, and waiting until something listens on one. */
public final class FreePorts {
    private FreePorts() {}

    /** A port free on 127.0.0.1 at the time of the call (the OS picks it; the socket is closed again). */
    public static int next() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on 127.0.0.1", e);
        }
    }

    /** True when a TCP connection to 127.0.0.1:port succeeds within 200 ms. */
    public static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Waits until 127.0.0.1:port accepts connections.
     *
     * @param alive checked between attempts: when it turns false the wait ends at once
     * @return true when the port accepts connections, false on timeout or when {@code alive} turned false
     */
    public static boolean awaitListening(int port, Duration timeout, java.util.function.BooleanSupplier alive) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (listening(port)) {
                return true;
            }
            if (!alive.getAsBoolean()) {
                return false;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }
}
