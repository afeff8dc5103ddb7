package org.aapf.adapter.in.http.gateway;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import io.helidon.http.HeaderNames;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.webserver.http.ServerResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpResponse;

/** Copies the notebook's response headers to the client, minus hop-by-hop ones, with redirects kept on the proxy. */
final class UpstreamResponses {

    private UpstreamResponses() {
    }

    static void copyHeaders(HttpResponse upstream, ProxyAdmission.Admitted admitted, ServerResponse response) {
        List<String> connection = new ArrayList<>(1);
        for (Header header : upstream.getHeaders("Connection")) {
            connection.add(header.getValue());
        }
        HopByHopHeaders hopByHop = HopByHopHeaders.from(connection);
        ServerResponseHeaders headers = response.headers();
        for (Iterator<Header> it = upstream.headerIterator(); it.hasNext(); ) {
            Header header = it.next();
            String name = header.getName();
            if (hopByHop.isHopByHop(name) || name.equalsIgnoreCase("content-length")) {
                continue;
            }
            String value = name.equalsIgnoreCase("location") ? relativeLocation(header.getValue(), admitted)
                    : header.getValue();
            headers.add(HeaderNames.create(name), value);
        }
    }

    /** An absolute redirect to the notebook's internal address would bypass the proxy: keep only its path. */
    static String relativeLocation(String location, ProxyAdmission.Admitted admitted) {
        String internal = admitted.upstreamOrigin();
        if (location.regionMatches(true, 0, internal, 0, internal.length())) {
            String rest = location.substring(internal.length());
            return rest.isEmpty() ? "/" : rest;
        }
        return location;
    }
}
