package org.aapf.adapter.in.http.proxy;

import java.util.List;
import java.util.Locale;

import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Headers;
import io.helidon.webserver.http.ServerResponse;

/** Copies the notebook's response headers to the client, minus hop-by-hop ones, with redirects kept on the proxy. */
final class UpstreamResponses {

    private UpstreamResponses() {
    }

    static void copyHeaders(Headers upstream, ProxyAdmission.Admitted admitted, ServerResponse response) {
        HopByHopHeaders hopByHop = HopByHopHeaders.from(upstream.values(HeaderNames.CONNECTION));
        for (Header header : upstream) {
            String name = header.name().toLowerCase(Locale.ROOT);
            if (hopByHop.isHopByHop(name) || name.equals("content-length")) {
                continue;
            }
            if (name.equals("location")) {
                List<String> values = header.allValues().stream().map(value -> relativeLocation(value, admitted)).toList();
                response.header(HeaderValues.create(header.headerName(), values));
            } else {
                response.header(header);
            }
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
