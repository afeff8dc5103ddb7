package org.aapf.adapter.in.http.gateway;

import java.time.Duration;
import java.util.Optional;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AsciiString;
import org.aapf.adapter.in.http.AccessLines;
import org.aapf.adapter.in.http.Metrics;

/**
 * A request for a notebook, HTTP or a WebSocket upgrade: admitted first (path, origin, route; the route looked up off
 * the event loop unless remembered), then forwarded on a pooled connection of the client's event loop, or, for a
 * WebSocket, on a connection of its own that becomes a {@link Tunnel} once the notebook switches protocols. A small
 * answer is held until whole, so that a notebook failing midway still gets a clean 502 or 504.
 */
final class NotebookExchange extends Exchange {

    private static final System.Logger LOG = System.getLogger(NotebookExchange.class.getName());
    private static final String ROUTE = NotebookMessages.PATH_PATTERN;
    /** Answers up to this size are held until whole. */
    private static final int SMALL_BODY = 64 * 1024;
    private static final AsciiString SEC_FETCH_MODE = AsciiString.cached("sec-fetch-mode");
    private static final AsciiString X_FORWARDED_PROTO = AsciiString.cached("x-forwarded-proto");
    private static final AsciiString CONTENT_SECURITY_POLICY = AsciiString.cached("content-security-policy");

    private final Site site;
    private final boolean upgrade;
    private final String requestId;
    private NotebookAdmission.Admitted admitted;
    private NotebookChannels.Endpoint endpoint;
    /** The notebook said {@code Connection: close}: its connection does not go back to the pool. */
    private boolean notReusable;

    NotebookExchange(FrontConnection connection, HttpRequest request, Site site, boolean upgrade) {
        super(connection, request);
        this.site = site;
        this.upgrade = upgrade;
        this.requestId = AccessLines.requestId(request.headers().get(AccessLines.REQUEST_ID_HEADER));
    }

    String requestId() {
        return requestId;
    }

    @Override
    void start() {
        NotebookAdmission admission = front.admission();
        String target = request.uri();
        int query = target.indexOf('?');
        ProxyPath path;
        Optional<String> redirect;
        try {
            HttpHeaders headers = request.headers();
            Optional<String> host = Optional.ofNullable(headers.get(HttpHeaderNames.HOST));
            path = admission.vet(query < 0 ? target : target.substring(0, query),
                    Optional.ofNullable(headers.get(HttpHeaderNames.ORIGIN)), host, site);
            redirect = admission.redirect(site, path, target, request.method().name(),
                    new NotebookAdmission.BrowserHeaders(host, Optional.ofNullable(headers.get(SEC_FETCH_MODE)),
                            Optional.ofNullable(headers.get(HttpHeaderNames.ACCEPT)),
                            Optional.ofNullable(headers.get(X_FORWARDED_PROTO))));
        } catch (ProxyRefusal refusal) {
            answer(refusal);
            return;
        }
        if (redirect.isPresent()) {
            status = HttpResponseStatus.TEMPORARY_REDIRECT.code();
            answer(NotebookMessages.redirect(redirect.get(), requestId, answers.keepAliveAfterAnswer()));
            return;
        }
        Optional<NotebookAdmission.Admitted> known = admission.remembered(path);
        if (known.isPresent()) {
            forward(known.get());
            return;
        }
        // a lookup may ask the database and the backend: never on the event loop
        connection.updateReading();
        front.lookups().execute(() -> lookUp(path));
    }

    private void lookUp(ProxyPath path) {
        NotebookAdmission.Admitted found = null;
        ProxyRefusal refusal = null;
        try {
            found = front.admission().resolve(path);
        } catch (ProxyRefusal r) {
            refusal = r;
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Cannot look up notebook {0}: {1}", path.proxyId(), e.toString());
            refusal = ProxyRefusal.lookupFailed();
        }
        NotebookAdmission.Admitted route = found;
        ProxyRefusal refused = refusal;
        client.eventLoop().execute(() -> {
            if (state != State.ADMITTING) {
                return; // the client went away meanwhile
            }
            if (route != null) {
                forward(route);
            } else {
                answer(refused);
            }
            connection.updateReading();
        });
    }

    private void forward(NotebookAdmission.Admitted route) {
        admitted = route;
        endpoint = new NotebookChannels.Endpoint(route.upstream().host(), route.upstream().port());
        HttpRequest forwarded = upgrade ? NotebookMessages.upgrade(request, route, connection.clientAddress())
                : NotebookMessages.request(request, route, connection.clientAddress());
        Channel idle = upgrade ? null : front.notebooks().poll(client.eventLoop(), endpoint);
        if (idle != null) {
            attach(idle, true, forwarded);
        } else {
            connect(front.notebooks().connect(client.eventLoop(), endpoint), forwarded);
        }
    }

    @Override
    void attach(Channel channel, boolean fromPool, HttpObject head) {
        super.attach(channel, fromPool, head);
        if (HttpUtil.is100ContinueExpected(request) && !requestComplete()) {
            client.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE));
        }
    }

    @Override
    boolean acceptHead(HttpResponse response) {
        NotebookCookies.confine(response.headers(), site, admitted.path());
        if (upgrade) {
            if (response.status().code() != HttpResponseStatus.SWITCHING_PROTOCOLS.code()) {
                LOG.log(System.Logger.Level.INFO, "Notebook {0} refused the WebSocket: {1}",
                        admitted.path().proxyId(), response.status().code());
                answer(ProxyRefusal.unreachable());
                return false;
            }
            state = State.SWITCHING;
            response.headers().set(AccessLines.REQUEST_ID_HEADER, requestId);
            return true;
        }
        notReusable = !HttpUtil.isKeepAlive(response);
        keepAlive = NotebookMessages.shapeResponse(response, request, admitted, requestId, keepAlive);
        if (site.isAapf()) {
            response.headers().add(CONTENT_SECURITY_POLICY, NotebookOrigins.AAPF_ORIGIN_POLICY);
        }
        long length = HttpUtil.getContentLength(response, -1L);
        if (length > 0 && length <= SMALL_BODY && !HttpMethod.HEAD.equals(request.method())) {
            answers.hold(response);
            return false;
        }
        return true;
    }

    /** The notebook's 101 is out: the connection carries the WebSocket's bytes from now on. */
    void switched() {
        state = State.DONE;
        Channel notebook = upstream;
        upstream = null;
        ended();
        connection.tunnel(this, new Tunnel(client, notebook, front.admission(), admitted.path().proxyId()));
    }

    @Override
    void release(Channel used) {
        if (requestComplete() && !notReusable) {
            front.notebooks().offer(endpoint, used);
        } else {
            used.pipeline().get(UpstreamLink.class).unbind();
            used.close();
        }
    }

    @Override
    ChannelFuture reconnect() {
        return front.notebooks().connect(client.eventLoop(), endpoint);
    }

    @Override
    ProxyRefusal unreachable() {
        return ProxyRefusal.unreachable();
    }

    /** The one place a proxied request ends: its bytes reported, its access-log line written. */
    @Override
    void ended() {
        NotebookAdmission admission = front.admission();
        if (admitted != null) {
            admission.passed(admitted.path().proxyId(), Metrics.Direction.TO_NOTEBOOK, bytesUp);
            admission.passed(admitted.path().proxyId(), Metrics.Direction.FROM_NOTEBOOK, bytesDown);
        }
        AccessLines.log(admission.metrics(), request.method().name(), ROUTE, status == 0 ? 499 : status,
                Duration.ofNanos(System.nanoTime() - started), "-", requestId);
    }

    @Override
    String who() {
        return "Notebook " + (admitted == null ? "?" : admitted.path().proxyId());
    }
}
