package io.eventflow.live.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The proxy against a local echo server: bytes pass unchanged, and each fault does what its javadoc says. */
class FaultProxyTest {
    private ServerSocket echo;
    private Thread echoThread;
    private FaultProxy proxy;
    private ProxyLink link;

    @BeforeEach
    void start() throws Exception {
        echo = new ServerSocket();
        echo.bind(new InetSocketAddress("127.0.0.1", 0));
        echoThread = new Thread(() -> {
            while (!echo.isClosed()) {
                try {
                    Socket s = echo.accept();
                    Thread t = new Thread(() -> {
                        try (s;
                                InputStream in = s.getInputStream();
                                OutputStream out = s.getOutputStream()) {
                            byte[] b = new byte[4096];
                            int n;
                            while ((n = in.read(b)) > 0) {
                                out.write(b, 0, n);
                                out.flush();
                            }
                        } catch (IOException e) {
                            // the client went away
                        }
                    });
                    t.setDaemon(true);
                    t.start();
                } catch (IOException e) {
                    return;
                }
            }
        });
        echoThread.setDaemon(true);
        echoThread.start();
        proxy = new FaultProxy();
        link = proxy.open("test -> echo", echo.getLocalPort());
    }

    @AfterEach
    void stop() throws Exception {
        proxy.close();
        echo.close();
    }

    private Socket client() throws IOException {
        Socket s = new Socket("127.0.0.1", link.port());
        s.setSoTimeout(5000);
        return s;
    }

    private static long roundTripMillis(Socket s, byte b) throws IOException {
        long t0 = System.nanoTime();
        s.getOutputStream().write(b);
        s.getOutputStream().flush();
        int r = s.getInputStream().read();
        assertThat(r).isEqualTo(b & 0xff);
        return (System.nanoTime() - t0) / 1_000_000;
    }

    @Test
    void forwardsBytesUnchangedAndListensOnLoopbackOnly() throws Exception {
        try (Socket s = client()) {
            byte[] data = new byte[200_000];
            for (int i = 0; i < data.length; i++) {
                data[i] = (byte) (i * 31);
            }
            Thread w = new Thread(() -> {
                try {
                    s.getOutputStream().write(data);
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            });
            w.start();
            byte[] back = s.getInputStream().readNBytes(data.length);
            w.join();
            assertThat(back).isEqualTo(data);
        }
        assertThat(link.accepted()).isEqualTo(1);
        assertThat(link.toString()).contains("127.0.0.1:" + link.port());
    }

    @Test
    void latencyDelaysEachDirectionByItsOwnAmount() throws Exception {
        try (Socket s = client()) {
            roundTripMillis(s, (byte) 0); // warm-up: the first connection and echo thread
            long before = roundTripMillis(s, (byte) 1);
            link.latency(ProxyLink.Direction.UP, 300_000_000L, 0);
            link.latency(ProxyLink.Direction.DOWN, 200_000_000L, 0);
            long slow = roundTripMillis(s, (byte) 2);
            link.latency(ProxyLink.Direction.UP, 0, 0);
            link.latency(ProxyLink.Direction.DOWN, 0, 0);
            long after = roundTripMillis(s, (byte) 3);
            // 300 ms up + 200 ms down = 500 ms added to the round trip (a loaded machine adds, never removes)
            assertThat(slow).isGreaterThanOrEqualTo(500).isLessThan(500 + 2000);
            assertThat(before).isLessThan(slow - 400);
            assertThat(after).isLessThan(slow - 400);
        }
    }

    @Test
    void partitionStallsOpenAndNewConnectionsThenLetsEverythingThrough() throws Exception {
        try (Socket s = client()) {
            roundTripMillis(s, (byte) 1);
            link.partition(true);
            Thread.sleep(50); // the stall is applied on the connection's event loop
            s.setSoTimeout(600);
            s.getOutputStream().write(7);
            assertThatThrownBy(() -> s.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);
            try (Socket late = client()) { // accepted, but nothing crosses
                late.setSoTimeout(300);
                late.getOutputStream().write(8);
                assertThatThrownBy(() -> late.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);
                link.partition(false);
                late.setSoTimeout(5000);
                assertThat(late.getInputStream().read()).isEqualTo(8);
            }
            s.setSoTimeout(5000);
            assertThat(s.getInputStream().read()).isEqualTo(7); // held, not lost
            roundTripMillis(s, (byte) 9);
        }
    }

    @Test
    void dropResetsTheConnectionAndForwardsNothingOfTheChunk() throws Exception {
        try (Socket s = client()) {
            roundTripMillis(s, (byte) 1);
            link.drop(ProxyLink.Direction.UP, 100);
            s.getOutputStream().write(5);
            s.getOutputStream().flush();
            assertThatThrownBy(() -> {
                        int r = s.getInputStream().read();
                        if (r >= 0) {
                            throw new AssertionError("got byte " + r + " through a dropped link");
                        }
                        throw new SocketException("closed");
                    })
                    .isInstanceOf(SocketException.class);
            assertThat(link.resets()).isEqualTo(1);
        }
        link.drop(ProxyLink.Direction.UP, 0);
        try (Socket s = client()) {
            roundTripMillis(s, (byte) 2);
        }
    }
}
