package org.aapf.adapter.in.http.gateway;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpVersion;

/** How an upstream's answer is framed for the client's HTTP version, whichever upstream gave it. */
final class ClientFraming {

    private ClientFraming() {
    }

    /**
     * Sets the framing and {@code Connection} the client's HTTP version needs on an answer head: an HTTP/1.1 client
     * gets a body of unknown length chunked; an HTTP/1.0 client reads it up to the close (it knows no chunks), and is
     * told {@code keep-alive} when the connection stays open.
     *
     * @param chunked whether the upstream sent the body chunked
     * @return whether the client connection stays open after this answer
     */
    static boolean frame(HttpResponse response, HttpRequest request, boolean chunked, boolean keepAlive) {
        HttpHeaders headers = response.headers();
        int status = response.status().code();
        boolean bodyFramed = chunked || headers.contains(HttpHeaderNames.CONTENT_LENGTH);
        boolean mayHaveBody = !HttpMethod.HEAD.equals(request.method()) && status >= 200 && status != 204
                && status != 304;
        boolean http11 = request.protocolVersion().equals(HttpVersion.HTTP_1_1);
        boolean open = keepAlive;
        if (chunked || (!bodyFramed && mayHaveBody)) {
            if (http11) {
                headers.set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
            } else {
                headers.remove(HttpHeaderNames.TRANSFER_ENCODING);
                open = false; // an HTTP/1.0 client reads the body up to the close
            }
        }
        if (!open) {
            headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        } else if (!http11) {
            headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        }
        return open;
    }
}
