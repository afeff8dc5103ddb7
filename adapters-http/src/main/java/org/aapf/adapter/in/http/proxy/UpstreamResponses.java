package org.aapf.adapter.in.http.proxy;

import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.helidon.http.HeaderValues;
import io.helidon.webserver.http.ServerResponse;

/** Copies the notebook's response headers to the client, minus hop-by-hop ones, with redirects kept on the proxy. */
final class UpstreamResponses {

    private UpstreamResponses() {
    }

    static void copyHeaders(HttpHeaders upstream, ProxyAdmission.Admitted admitted, ServerResponse response) {
        HopByHopHeaders hopByHop = HopByHopHeaders.from(upstream.allValues("connection"));
        for (Map.Entry<String, List<String>> header : upstream.map().entrySet()) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (hopByHop.isHopByHop(name) || name.equals("content-length") || name.startsWith(":")) {
                continue;
            }
            List<String> values = name.equals("location")
                    ? header.getValue().stream().map(value -> relativeLocation(value, admitted)).toList()
                    : header.getValue();
            response.header(HeaderValues.create(header.getKey(), values));
        }
    }

    /** An absolute redirect to the notebook's internal address would bypass the proxy: keep only its path. */
    private static String relativeLocation(String location, ProxyAdmission.Admitted admitted) {
        String internal = admitted.upstreamOrigin();
        if (location.regionMatches(true, 0, internal, 0, internal.length())) {
            String rest = location.substring(internal.length());
            return rest.isEmpty() ? "/" : rest;
        }
        return location;
    }
}
