package org.aapf.adapter.in.http.gateway;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.netty.channel.ChannelFuture;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import org.aapf.adapter.in.http.gateway.Exchange.State;

/**
 * The answer side of one {@link Exchange}: moves it through {@link State}s as the upstream's answer comes (interim
 * answers, a held small answer, the streamed one, a protocol switch) or as the gateway answers itself.
 */
final class Answers {

    /** Requests a kept-alive connection's close may be retried for: without a body, and safe to send twice. */
    private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "OPTIONS", "TRACE", "DELETE");

    private final Exchange exchange;
    private HttpResponse heldHead;
    private List<HttpContent> heldParts;
    private ChannelFuture answerWrite;

    Answers(Exchange exchange) {
        this.exchange = exchange;
    }

    /** The head of an upstream answer: an interim one passes at once, a final one as the exchange decides. */
    void head(HttpResponse response) {
        int code = response.status().code();
        if (code >= 100 && code < 200 && code != 101) {
            exchange.state = State.INTERIM;
            exchange.client.write(response);
            return;
        }
        exchange.status = code;
        if (exchange.acceptHead(response) && exchange.state != State.SWITCHING) {
            exchange.state = State.RESPONDING;
        }
        if (exchange.state == State.RESPONDING || exchange.state == State.SWITCHING) {
            exchange.client.write(response);
        }
    }

    void hold(HttpResponse response) {
        exchange.state = State.HOLDING;
        heldHead = response;
        heldParts = new ArrayList<>(2);
    }

    /** A part of the upstream's answer body. */
    void content(HttpContent content) {
        boolean last = content instanceof LastHttpContent;
        switch (exchange.state) {
            case INTERIM -> {
                exchange.client.write(content);
                if (last) {
                    exchange.state = State.FORWARDING;
                }
            }
            case HOLDING -> {
                exchange.bytesDown += content.content().readableBytes();
                heldParts.add(content);
                if (last) {
                    exchange.state = State.RESPONDING;
                    exchange.client.write(heldHead);
                    for (int i = 0; i < heldParts.size() - 1; i++) {
                        exchange.client.write(heldParts.get(i));
                    }
                    heldHead = null;
                    heldParts = null;
                    exchange.complete(exchange.client.writeAndFlush(content));
                }
            }
            case RESPONDING -> {
                exchange.bytesDown += content.content().readableBytes();
                if (last) {
                    exchange.complete(exchange.client.writeAndFlush(content));
                    return;
                }
                exchange.client.write(content);
                if (!exchange.client.isWritable()) {
                    exchange.upstream.config().setAutoRead(false);
                }
            }
            case SWITCHING -> {
                exchange.client.writeAndFlush(content);
                if (last) {
                    ((NotebookExchange) exchange).switched();
                }
            }
            default -> ReferenceCountUtil.release(content);
        }
    }

    void dropHeld() {
        if (heldParts != null) {
            heldParts.forEach(ReferenceCountUtil::release);
            heldParts = null;
        }
        heldHead = null;
    }

    /** Answers with {@code refusal}'s status and JSON message. */
    void refuse(ProxyRefusal refusal) {
        exchange.status = refusal.status();
        exchange.answer(NotebookMessages.refusal(refusal, requestId(), keepAliveAfterAnswer()));
    }

    /** Sends the gateway's own answer (the status is set already). */
    void send(FullHttpResponse response) {
        dropHeld();
        exchange.state = State.ANSWERED;
        answerWrite = exchange.client.writeAndFlush(response);
        if (exchange.requestComplete() || !exchange.keepAlive) {
            written();
        }
    }

    /** The gateway's own answer is out and the request read: the exchange is over. */
    void written() {
        if (exchange.state == State.DONE) {
            return;
        }
        exchange.state = State.DONE;
        exchange.ended();
        exchange.connection.finished(exchange, answerWrite);
    }

    /** Whether the connection can go on after an answer given here (the status is set already). */
    boolean keepAliveAfterAnswer() {
        if (exchange.request.decoderResult().isFailure() || !exchange.requestComplete() && !bodyless()) {
            // a request that is not HTTP, or a body not read yet: the connection cannot go on
            exchange.keepAlive = false;
        }
        return exchange.keepAlive;
    }

    boolean bodyless() {
        return !HttpUtil.isTransferEncodingChunked(exchange.request)
                && HttpUtil.getContentLength(exchange.request, 0L) == 0;
    }

    boolean retryable(boolean requestComplete) {
        return requestComplete && exchange.bytesUp == 0 && IDEMPOTENT.contains(exchange.request.method().name())
                && bodyless();
    }

    private String requestId() {
        return exchange instanceof NotebookExchange notebook ? notebook.requestId() : null;
    }
}
