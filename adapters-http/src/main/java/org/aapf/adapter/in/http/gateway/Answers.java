package org.aapf.adapter.in.http.gateway;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import org.aapf.adapter.in.http.gateway.Exchange.State;

/**
 * The answer side of one {@link Exchange}, bound to its upstream connection: moves the exchange through its
 * {@link State}s as the upstream's answer comes (interim answers, a held small answer, the streamed one, a protocol
 * switch) or fails, or as the gateway answers itself.
 */
final class Answers implements UpstreamLink.Receiver {

    /** Requests a kept-alive connection's close may be retried for: without a body, and safe to send twice. */
    private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "OPTIONS", "TRACE", "DELETE");

    private final Exchange exchange;
    private HttpResponse heldHead;
    private List<HttpContent> heldParts;
    private ChannelFuture answerWrite;

    Answers(Exchange exchange) {
        this.exchange = exchange;
    }

    @Override
    public void upstreamRead(Object message) {
        if (message instanceof HttpObject object && object.decoderResult().isFailure()) {
            ReferenceCountUtil.release(message);
            Exchange.LOG.log(System.Logger.Level.INFO, "{0} gave no valid answer: {1}", exchange.who(),
                    object.decoderResult().cause().getClass().getSimpleName());
            exchange.upstream.close(); // upstreamLost follows
            return;
        }
        if (message instanceof HttpResponse response) {
            head(response);
        }
        if (message instanceof HttpContent content) {
            content(content);
        } else if (!(message instanceof HttpResponse)) {
            ReferenceCountUtil.release(message);
        }
    }

    @Override
    public void upstreamReadComplete() {
        exchange.client.flush();
    }

    @Override
    public void upstreamWritabilityChanged(boolean writable) {
        exchange.connection.updateReading();
    }

    @Override
    public void upstreamLost(boolean timedOut) {
        if (exchange.state == State.DONE) {
            return;
        }
        dropHeld();
        Channel gone = exchange.upstream;
        exchange.upstream = null;
        exchange.lost(gone);
        if (exchange.state == State.RESPONDING || exchange.state == State.INTERIM
                || exchange.state == State.SWITCHING) {
            // part of the answer went out already: the client can only see the cut as a closed connection
            exchange.state = State.DONE;
            exchange.ended();
            exchange.client.close();
            exchange.connection.forget(exchange);
            return;
        }
        if (exchange.reused && !exchange.retried && !timedOut && retryable()) {
            // a kept-alive connection closed by the other side just as the request went out on it
            exchange.retried = true;
            exchange.connect(exchange.reconnect(), exchange.forwarded);
            return;
        }
        Exchange.LOG.log(System.Logger.Level.INFO, timedOut ? "{0} did not answer within the timeout"
                : "{0} closed the connection before answering", exchange.who());
        exchange.keepAlive = false;
        exchange.answer(timedOut ? ProxyRefusal.timedOut() : exchange.unreachable());
    }

    /** The head of an upstream answer: an interim one passes at once, a final one as the exchange decides. */
    private void head(HttpResponse response) {
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
    private void content(HttpContent content) {
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
        if (!exchange.requestComplete() && !bodyless()) {
            // a body not read yet: the connection cannot go on (a request not understood was refused with it closed)
            exchange.keepAlive = false;
        }
        return exchange.keepAlive;
    }

    boolean bodyless() {
        return !HttpUtil.isTransferEncodingChunked(exchange.request)
                && HttpUtil.getContentLength(exchange.request, 0L) == 0;
    }

    private boolean retryable() {
        return exchange.requestComplete() && exchange.bytesUp == 0 && IDEMPOTENT.contains(exchange.request.method().name())
                && bodyless();
    }

    private String requestId() {
        return exchange instanceof NotebookExchange notebook ? notebook.requestId() : null;
    }
}
