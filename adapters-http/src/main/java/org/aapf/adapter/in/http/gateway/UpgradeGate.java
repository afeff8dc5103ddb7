package org.aapf.adapter.in.http.gateway;

import java.util.Optional;

import io.helidon.http.HeaderNames;
import io.helidon.http.Headers;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import org.aapf.adapter.in.http.FrontPeer;

/**
 * Keeps each notebook origin to its own notebook (anything else there is 404, on this path as on the front
 * listener's), and opens proxied WebSockets up to the notebook before Helidon switches protocols, so that every refusal gets its
 * proper status and JSON message (400, 403, 404, 503, and 502 when the notebook refuses the WebSocket or is down):
 * a refusal inside the WebSocket listener could only ever be a bare 400. Helidon runs HTTP filters around the
 * upgrade, on the same thread: the filter opens the notebook side, hands it to the {@link WebSocketRelay} through
 * {@link #claim()} while the upgrade runs, and closes it if no relay took it.
 */
final class UpgradeGate implements Filter {

    private static final ThreadLocal<NotebookSockets.Opened> HANDOFF = new ThreadLocal<>();

    private final ProxyAdmission admission;
    private final NotebookSockets sockets;

    UpgradeGate(ProxyAdmission admission, NotebookSockets sockets) {
        this.admission = admission;
        this.sockets = sockets;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest request, RoutingResponse response) {
        String rawPath = request.prologue().uriPath().rawPath();
        Optional<String> host = request.headers().first(HeaderNames.HOST);
        Site site = admission.site(host, false);
        if (!site.serves(rawPath)) {
            // a notebook's origin serves its notebook only: not the API, the WebUI or another notebook
            Refusals.send(response, ProxyRefusal.unknownNotebook());
            return;
        }
        if (!isWebSocketUpgrade(request.headers()) || !rawPath.startsWith(ProxyPath.PREFIX)) {
            chain.proceed();
            return;
        }
        NotebookSockets.Opened opened;
        try {
            ProxyAdmission.Admitted admitted = admission.admit(rawPath, request.headers().first(HeaderNames.ORIGIN),
                    host, site);
            opened = sockets.open(admitted, request.prologue().query().rawValue(), request.headers(),
                    FrontPeer.originChecked(request),
                    new UpstreamRequests.Forwarding(Optional.ofNullable(FrontPeer.address(request)),
                            Optional.of(request.isSecure() ? "https" : "http")));
        } catch (ProxyRefusal refusal) {
            Refusals.send(response, refusal);
            return;
        }
        HANDOFF.set(opened);
        try {
            chain.proceed();
        } finally {
            if (HANDOFF.get() != null) {
                // the upgrade did not happen after all: the notebook side must not stay open
                opened.notebook().abort();
            }
            HANDOFF.remove();
        }
    }

    /** The notebook side opened for the upgrade running on this thread; {@code null} outside one. */
    static NotebookSockets.Opened claim() {
        NotebookSockets.Opened opened = HANDOFF.get();
        HANDOFF.remove();
        return opened;
    }

    static boolean isWebSocketUpgrade(Headers headers) {
        return headers.first(HeaderNames.UPGRADE).filter("websocket"::equalsIgnoreCase).isPresent();
    }
}
