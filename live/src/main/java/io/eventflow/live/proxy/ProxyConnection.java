package io.eventflow.live.proxy;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * One client connection through a {@link ProxyLink} and its onward connection to the target. Both channels share one
 * event loop, so everything here runs on one thread: no locks, and bytes keep their order.
 */
final class ProxyConnection extends ChannelInboundHandlerAdapter {
    private final ProxyLink link;
    private final Channel front;
    private Channel back;
    private boolean connecting;
    private boolean closed;
    private final Pipe up = new Pipe(ProxyLink.Direction.UP);
    private final Pipe down = new Pipe(ProxyLink.Direction.DOWN);

    ProxyConnection(ProxyLink link, Channel front) {
        this.link = link;
        this.front = front;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        link.connections.add(this);
        link.countAccepted();
        if (!link.partitioned()) {
            connect();
        } // else: accepted, not connected onward until the partition ends
    }

    private void connect() {
        if (back != null || connecting || closed) {
            return;
        }
        connecting = true;
        new Bootstrap()
                .group(front.eventLoop())
                .channel(NioSocketChannel.class)
                .option(ChannelOption.AUTO_READ, false)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000)
                .handler(new Backend())
                .connect(link.target)
                .addListener((ChannelFutureListener) f -> {
                    connecting = false;
                    if (!f.isSuccess() || closed) {
                        f.channel().close();
                        close(); // the target is down (e.g. a crashed broker node): the client sees a closed connection
                        return;
                    }
                    back = f.channel();
                    if (!link.partitioned()) {
                        resume();
                    }
                });
    }

    private void resume() {
        up.release();
        down.release();
        front.config().setAutoRead(true);
        back.config().setAutoRead(true);
    }

    /** Called from any thread when the link's partition starts or ends. */
    void partitionChanged(boolean on) {
        front.eventLoop().execute(() -> {
            if (closed) {
                return;
            }
            if (on) {
                front.config().setAutoRead(false);
                if (back != null) {
                    back.config().setAutoRead(false);
                }
            } else if (back == null) {
                connect();
            } else {
                resume();
            }
        });
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        up.offer((ByteBuf) msg);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        link.connections.remove(this);
        if (back != null) {
            up.closeAfterWrites();
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (front.isWritable() && back != null && !link.partitioned()) {
            back.config().setAutoRead(true);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        close();
    }

    /** Closes both sides now. */
    void close() {
        if (!front.eventLoop().inEventLoop()) {
            front.eventLoop().execute(this::close);
            return;
        }
        closed = true;
        link.connections.remove(this);
        up.discard();
        down.discard();
        front.close();
        if (back != null) {
            back.close();
        }
    }

    /** Resets both sides (RST, not FIN): what a dropped link looks like to the client and the server. */
    private void reset() {
        link.countReset();
        closed = true;
        link.connections.remove(this);
        up.discard();
        down.discard();
        rst(front);
        if (back != null) {
            rst(back);
        }
    }

    private static void rst(Channel c) {
        try {
            c.config().setOption(ChannelOption.SO_LINGER, 0);
        } catch (RuntimeException e) {
            // closed already: a plain close does
        }
        c.close();
    }

    /** The onward side: reads the target's bytes into the down pipe. */
    private final class Backend extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            down.offer((ByteBuf) msg);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            down.closeAfterWrites();
        }

        @Override
        public void channelWritabilityChanged(ChannelHandlerContext ctx) {
            if (back.isWritable() && !link.partitioned()) {
                front.config().setAutoRead(true);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            close();
        }
    }

    /**
     * Bytes of one direction: held while the link is partitioned (or not connected yet), delayed per the link's
     * latency without overtaking, or dropped with a reset.
     */
    private final class Pipe {
        private final ProxyLink.Direction dir;
        private final ArrayDeque<ByteBuf> held = new ArrayDeque<>();
        private long lastRelease;
        private int scheduled;
        private boolean closeWhenDone;

        Pipe(ProxyLink.Direction dir) {
            this.dir = dir;
        }

        private Channel out() {
            return dir == ProxyLink.Direction.UP ? back : front;
        }

        private Channel source() {
            return dir == ProxyLink.Direction.UP ? front : back;
        }

        void offer(ByteBuf buf) {
            if (closed) {
                buf.release();
                return;
            }
            if (link.drops(dir)) {
                buf.release();
                reset();
                return;
            }
            if (link.partitioned() || out() == null) {
                held.add(buf);
                return;
            }
            forward(buf);
        }

        private void forward(ByteBuf buf) {
            long now = System.nanoTime();
            long at = Math.max(now + link.delay(dir), lastRelease);
            lastRelease = at;
            if (at <= now && scheduled == 0) {
                write(buf);
            } else {
                scheduled++;
                front.eventLoop()
                        .schedule(
                                () -> {
                                    scheduled--;
                                    if (link.partitioned() && !closed) {
                                        // in the wire when the partition started: it waits with the rest
                                        held.addFirst(buf);
                                        return;
                                    }
                                    write(buf);
                                },
                                at - now,
                                TimeUnit.NANOSECONDS);
            }
        }

        private void write(ByteBuf buf) {
            Channel out = out();
            if (closed || out == null || !out.isActive()) {
                buf.release();
                return;
            }
            out.writeAndFlush(buf);
            if (!out.isWritable()) {
                source().config().setAutoRead(false);
            }
            if (closeWhenDone && scheduled == 0 && held.isEmpty()) {
                out.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
            }
        }

        void release() {
            ArrayDeque<ByteBuf> now = new ArrayDeque<>(held);
            held.clear();
            now.forEach(this::forward);
            if (closeWhenDone && scheduled == 0 && out() != null) {
                out().writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
            }
        }

        /** The source closed: close the other side once what is on its way has been written. */
        void closeAfterWrites() {
            closeWhenDone = true;
            Channel out = out();
            if (out != null && scheduled == 0 && held.isEmpty()) {
                out.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
            }
        }

        void discard() {
            held.forEach(ByteBuf::release);
            held.clear();
        }
    }
}
