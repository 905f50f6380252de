package io.eventflow.live.proxy;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fault-injecting TCP proxy on 127.0.0.1: each {@link ProxyLink} listens on a free local port and forwards every
 * connection to one target (a broker node's real port), byte for byte, while the link's faults hold, delay or reset
 * what crosses it. Live runs put one link per (service, broker node) in front of the brokers they start, so the
 * scenario's network faults act on exactly the design's links. Netty does the plumbing (non-blocking sockets, one
 * event loop per connection pair, back-pressure, scheduled writes for delays).
 */
public final class FaultProxy implements AutoCloseable {
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final EventLoopGroup loops;
    private final List<ProxyLink> links = new CopyOnWriteArrayList<>();
    private final List<Channel> listeners = new CopyOnWriteArrayList<>();

    public FaultProxy() {
        loops = new NioEventLoopGroup(2, r -> {
            Thread t = new Thread(r, "eventflow-proxy-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Opens a link named {@code name} (e.g. {@code checkout -> kafka node 0}) listening on a free port of 127.0.0.1
     * and forwarding to {@code 127.0.0.1:targetPort}.
     */
    public ProxyLink open(String name, int targetPort) throws IOException {
        ProxyLink link = new ProxyLink(name, new InetSocketAddress("127.0.0.1", targetPort));
        ServerBootstrap b = new ServerBootstrap()
                .group(loops)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.AUTO_READ, false)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new ProxyConnection(link, ch));
                    }
                });
        try {
            Channel listener =
                    b.bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
            link.port = ((InetSocketAddress) listener.localAddress()).getPort();
            listeners.add(listener);
            links.add(link);
            return link;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IOException(
                    "the fault proxy could not listen on 127.0.0.1 for " + name + ": " + e.getMessage(), e);
        }
    }

    /** Every link opened so far. */
    public List<ProxyLink> links() {
        return List.copyOf(links);
    }

    /** Stops listening, closes every connection and the event loops. */
    @Override
    public void close() {
        listeners.forEach(l -> l.close().awaitUninterruptibly(2, TimeUnit.SECONDS));
        links.forEach(ProxyLink::closeAll);
        loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
}
