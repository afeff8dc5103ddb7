package org.aapf.adapter.in.http.gateway;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import org.aapf.adapter.in.http.AccessLines;

/**
 * The gateway's notebook messages, in Netty's types, by the rules {@link UpstreamRequests} sets: the request
 * as it goes to the notebook, the notebook's answer as it goes to the client, and a
 * refusal answered by the proxy itself ({@link Refusals}).
 */
final class NotebookMessages {

    /** The path pattern of notebook requests, as the access log names their route. */
    static final String PATH_PATTERN = ProxyPath.PREFIX + "*";
    private static final String WEBSOCKET_PREFIX = "sec-websocket-";

    private NotebookMessages() {
    }

    /**
     * A WebSocket upgrade to forward: as {@link #request}, with the handshake's own headers ({@code Upgrade},
     * {@code Connection} and every {@code Sec-WebSocket-*}) kept, since the notebook answers the handshake itself.
     */
    static HttpRequest upgrade(HttpRequest request, NotebookAdmission.Admitted admitted, String clientAddress) {
        HttpRequest forwarded = request(request, admitted, clientAddress);
        HttpHeaders headers = forwarded.headers();
        headers.set(HttpHeaderNames.UPGRADE, request.headers().get(HttpHeaderNames.UPGRADE));
        headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.UPGRADE);
        for (Map.Entry<String, String> header : request.headers()) {
            if (header.getKey().regionMatches(true, 0, WEBSOCKET_PREFIX, 0, WEBSOCKET_PREFIX.length())) {
                headers.add(header.getKey(), header.getValue());
            }
        }
        return forwarded;
    }

    /** The request to forward: {@link UpstreamRequests}' headers, the notebook's Host, and the body's framing. */
    static HttpRequest request(HttpRequest request, NotebookAdmission.Admitted admitted, String clientAddress) {
        HttpHeaders headers = new DefaultHttpHeaders(false);
        headers.add(HttpHeaderNames.HOST, admitted.hostPort());
        UpstreamRequests.copyHeaders(request.headers(), admitted, clientAddress, headers);
        if (HttpUtil.isTransferEncodingChunked(request)) {
            headers.set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
        } else if (request.headers().contains(HttpHeaderNames.CONTENT_LENGTH)) {
            headers.set(HttpHeaderNames.CONTENT_LENGTH, request.headers().get(HttpHeaderNames.CONTENT_LENGTH));
        }
        return new DefaultHttpRequest(HttpVersion.HTTP_1_1, request.method(), request.uri(), headers);
    }

    /**
     * Shapes the notebook's answer head for the client, in place: hop-by-hop headers out, a Location back under the
     * proxy path, the request id, and the framing and {@code Connection} the client's HTTP version needs.
     *
     * @return whether the client connection stays open after this answer (false when {@code keepAlive} is, or when an
     *     HTTP/1.0 client must read a body of unknown length up to the close)
     */
    static boolean shapeResponse(HttpResponse response, HttpRequest request, NotebookAdmission.Admitted admitted,
                                 String requestId, boolean keepAlive) {
        HttpHeaders headers = response.headers();
        boolean chunked = HttpUtil.isTransferEncodingChunked(response);
        removeHopByHop(headers);
        String location = headers.get(HttpHeaderNames.LOCATION);
        if (location != null) {
            headers.set(HttpHeaderNames.LOCATION, relativeLocation(location, admitted));
        }
        headers.set(AccessLines.REQUEST_ID_HEADER, requestId);
        return ClientFraming.frame(response, request, chunked, keepAlive);
    }

    /** An absolute redirect to the notebook's internal address would bypass the proxy: keep only its path. */
    static String relativeLocation(String location, NotebookAdmission.Admitted admitted) {
        String internal = admitted.upstreamOrigin();
        if (location.regionMatches(true, 0, internal, 0, internal.length())) {
            String rest = location.substring(internal.length());
            return rest.isEmpty() ? "/" : rest;
        }
        return location;
    }

    private static void removeHopByHop(HttpHeaders headers) {
        HopByHopHeaders hopByHop = HopByHopHeaders.from(UpstreamRequests.valuesOf(headers, HttpHeaderNames.CONNECTION));
        List<CharSequence> dropped = null;
        for (Iterator<Map.Entry<CharSequence, CharSequence>> it = headers.iteratorCharSequence(); it.hasNext(); ) {
            CharSequence name = it.next().getKey();
            if (hopByHop.isHopByHop(name)) {
                if (dropped == null) {
                    dropped = new ArrayList<>(2);
                }
                dropped.add(name);
            }
        }
        if (dropped != null) {
            dropped.forEach(headers::remove);
        }
    }

    /** The proxy's own answer: the refusal's JSON body and headers, the request id, and whether the connection ends. */
    static FullHttpResponse refusal(ProxyRefusal refusal, String requestId, boolean keepAlive) {
        byte[] body = Refusals.body(refusal.getMessage());
        DefaultFullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(refusal.status()), Unpooled.wrappedBuffer(body));
        HttpHeaders headers = response.headers();
        Refusals.headers(refusal, headers::set);
        headers.setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        if (requestId != null) {
            headers.set(AccessLines.REQUEST_ID_HEADER, requestId);
        }
        if (!keepAlive) {
            headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
        return response;
    }

    /** A 307 to {@code location} (a notebook's own origin), never cached, with the request id. */
    static FullHttpResponse redirect(String location, String requestId, boolean keepAlive) {
        DefaultFullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.TEMPORARY_REDIRECT,
                Unpooled.EMPTY_BUFFER);
        HttpHeaders headers = response.headers();
        headers.set(HttpHeaderNames.LOCATION, location);
        headers.set(HttpHeaderNames.CACHE_CONTROL, "no-store");
        headers.setInt(HttpHeaderNames.CONTENT_LENGTH, 0);
        headers.set(AccessLines.REQUEST_ID_HEADER, requestId);
        if (!keepAlive) {
            headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
        return response;
    }
}
