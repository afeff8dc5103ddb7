package org.aapf.adapter.in.http.gateway;

import java.net.InetSocketAddress;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.NetUtil;
import org.aapf.adapter.in.http.FrontPeer;

/**
 * A request for anything but a notebook (the API, the WebUI, health and metrics), relayed unchanged but for
 * {@link FrontPeer}'s header to the Helidon server, on a connection pinned to the client's. Helidon checks, answers
 * and logs it; a request the gateway cannot parse is answered here.
 */
final class BackendExchange extends Exchange {

    BackendExchange(FrontConnection connection, HttpRequest request) {
        super(connection, request);
    }

    @Override
    void start() {
        request.headers().set(FrontPeer.HEADER, FrontPeer.headerValue(connection.clientAddress()));
        // Helidon serves HTTP/1.1 only: an HTTP/1.0 client's request goes to it as HTTP/1.1, its answer comes back
        // framed for HTTP/1.0 (acceptHead)
        HttpRequest forwarded = http11() ? request : asHttp11();
        Channel pinned = connection.pinnedBackend();
        if (pinned != null) {
            attach(pinned, true, forwarded);
        } else {
            connect(reconnect(), forwarded);
        }
    }

    @Override
    void connected(Channel channel) {
        connection.pin(channel);
    }

    @Override
    void lost(Channel channel) {
        connection.unpin(channel);
    }

    @Override
    boolean acceptHead(HttpResponse response) {
        if (!HttpUtil.isKeepAlive(response) || response.status().code() == 101) {
            // Helidon serves no WebSocket: a protocol switch there ends the connection with its answer
            keepAlive = false;
        }
        if (!http11()) {
            keepAlive = ClientFraming.frame(response, request, HttpUtil.isTransferEncodingChunked(response), keepAlive);
        }
        return true;
    }

    /** The HTTP/1.0 request as HTTP/1.1, with the Host that 1.1 requires (the address it came to, if it named none). */
    private HttpRequest asHttp11() {
        if (!request.headers().contains(HttpHeaderNames.HOST)) {
            InetSocketAddress local = (InetSocketAddress) client.localAddress();
            request.headers().set(HttpHeaderNames.HOST, NetUtil.toSocketAddressString(local));
        }
        return new DefaultHttpRequest(HttpVersion.HTTP_1_1, request.method(), request.uri(), request.headers());
    }

    private boolean http11() {
        return HttpVersion.HTTP_1_1.equals(request.protocolVersion());
    }

    @Override
    void release(Channel used) {
        used.pipeline().get(UpstreamLink.class).unbind();
        if (!requestComplete()) {
            used.close();
        }
    }

    @Override
    ChannelFuture reconnect() {
        return front.connectToBackend(client.eventLoop(), connection::backendClosed);
    }

    @Override
    ProxyRefusal unreachable() {
        return ProxyRefusal.serverUnavailable();
    }

    @Override
    void ended() {
        // Helidon writes the access-log line of what it answered
    }

    @Override
    String who() {
        return "The API server";
    }
}
