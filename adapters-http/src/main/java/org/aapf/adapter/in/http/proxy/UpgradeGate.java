package org.aapf.adapter.in.http.proxy;

import io.helidon.http.HeaderNames;
import io.helidon.http.Headers;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

/**
 * Answers refused WebSocket upgrades under {@code /proxy/} with the proper status and JSON message (400, 403, 404,
 * 503) before Helidon switches protocols; a refusal inside the WebSocket listener could only ever be a bare 400.
 * Helidon runs HTTP filters on upgrade requests before the upgrade itself.
 */
final class UpgradeGate implements Filter {

    private final ProxyAdmission admission;

    UpgradeGate(ProxyAdmission admission) {
        this.admission = admission;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest request, RoutingResponse response) {
        String rawPath = request.prologue().uriPath().rawPath();
        if (!isWebSocketUpgrade(request.headers()) || !rawPath.startsWith(ProxyPath.PREFIX)) {
            chain.proceed();
            return;
        }
        try {
            admission.admit(rawPath, request.headers().first(HeaderNames.ORIGIN),
                    request.headers().first(HeaderNames.HOST));
        } catch (ProxyRefusal refusal) {
            Refusals.send(response, refusal);
            return;
        }
        chain.proceed();
    }

    static boolean isWebSocketUpgrade(Headers headers) {
        return headers.first(HeaderNames.UPGRADE).filter("websocket"::equalsIgnoreCase).isPresent();
    }
}
