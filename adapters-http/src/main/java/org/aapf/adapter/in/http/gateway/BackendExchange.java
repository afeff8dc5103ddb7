package org.aapf.adapter.in.http.gateway;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
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
        Channel pinned = connection.pinnedBackend();
        if (pinned != null) {
            attach(pinned, true, request);
        } else {
            connect(reconnect(), request);
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
        return true;
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
