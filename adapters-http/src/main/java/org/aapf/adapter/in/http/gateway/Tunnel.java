package org.aapf.adapter.in.http.gateway;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.ReferenceCountUtil;
import org.aapf.adapter.in.http.Metrics;

/**
 * A proxied WebSocket after the notebook switched protocols: the bytes go both ways as they are (frames, pings and
 * closes included, so subprotocols and extensions stay between the browser and the notebook), with back-pressure: a
 * side that cannot take more stops the other side's reads. No idle timeout applies: a kernel may stay quiet for long.
 * Either side closing closes the other.
 */
final class Tunnel implements UpstreamLink.Receiver {

    private final Channel client;
    private final Channel notebook;
    private final NotebookAdmission admission;
    private final String proxyId;
    private boolean open = true;

    /** Takes over {@code client} and {@code notebook}, whose HTTP handlers are removed. */
    Tunnel(Channel client, Channel notebook, NotebookAdmission admission, String proxyId) {
        this.client = client;
        this.notebook = notebook;
        this.admission = admission;
        this.proxyId = proxyId;
        strip(client.pipeline(), HttpServerCodec.class);
        strip(notebook.pipeline(), HttpClientCodec.class);
        admission.metrics().webSockets(1);
        notebook.pipeline().get(UpstreamLink.class).bind(this);
        client.config().setAutoRead(notebook.isWritable());
        notebook.config().setAutoRead(client.isWritable());
    }

    private static void strip(ChannelPipeline pipeline, Class<? extends io.netty.channel.ChannelHandler> codec) {
        pipeline.remove(codec);
        if (pipeline.get(IdleStateHandler.class) != null) {
            pipeline.remove(IdleStateHandler.class);
        }
    }

    /** Bytes from the browser. */
    void fromClient(Object message) {
        if (message instanceof ByteBuf bytes && notebook.isActive()) {
            passed(Metrics.Direction.TO_NOTEBOOK, bytes.readableBytes());
            notebook.writeAndFlush(bytes);
            if (!notebook.isWritable()) {
                client.config().setAutoRead(false);
            }
        } else {
            ReferenceCountUtil.release(message);
        }
    }

    @Override
    public void upstreamRead(Object message) {
        if (message instanceof ByteBuf bytes) {
            passed(Metrics.Direction.FROM_NOTEBOOK, bytes.readableBytes());
            client.write(bytes);
            if (!client.isWritable()) {
                notebook.config().setAutoRead(false);
            }
        } else {
            ReferenceCountUtil.release(message);
        }
    }

    /** The one place a WebSocket's bytes pass, either way. */
    private void passed(Metrics.Direction direction, int bytes) {
        admission.passed(proxyId, direction, bytes);
    }

    @Override
    public void upstreamReadComplete() {
        client.flush();
    }

    @Override
    public void upstreamWritabilityChanged(boolean writable) {
        client.config().setAutoRead(writable);
    }

    /** The browser's side can take more, or no more. */
    void clientWritabilityChanged() {
        notebook.config().setAutoRead(client.isWritable());
    }

    @Override
    public void upstreamLost(boolean timedOut) {
        closed();
        client.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    }

    /** The browser's connection closed. */
    void clientClosed() {
        closed();
        notebook.close();
    }

    private void closed() {
        if (open) {
            open = false;
            admission.metrics().webSockets(-1);
        }
    }
}
