package org.aapf.adapter.in.http.proxy;

import java.util.concurrent.Executor;
import java.util.function.BiFunction;
import java.util.function.Consumer;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.EventLoop;
import org.aapf.adapter.in.http.Metrics;

/**
 * What every {@link FrontConnection} shares: the proxy's checks and pool, the executor for route lookups (off the
 * event loop), and the way to the Helidon server ({@code backend}: a connection on the given event loop, with what to
 * run with it when Helidon closes it between requests).
 */
record FrontContext(ProxyAdmission admission, NotebookChannels notebooks, Metrics metrics, Executor lookups,
                    BiFunction<EventLoop, Consumer<Channel>, ChannelFuture> backend) {

    ChannelFuture connectToBackend(EventLoop loop, Consumer<Channel> onIdleClose) {
        return backend.apply(loop, onIdleClose);
    }
}
