package org.aapf.adapter.in.http.gateway;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.cookie.ClientCookieDecoder;
import io.netty.handler.codec.http.cookie.Cookie;
import java.util.List;

/**
 * Which cookies a notebook may set through the proxy. A notebook's owner controls its answers, and a cookie that
 * reaches AAPF's origin would travel with every request the user's browser sends to the WebUI and the API: a page
 * anywhere could make the browser fetch such an answer and plant cookies there, enough of them to make each of those
 * requests too large to be served.
 *
 * <ul>
 *   <li>On AAPF's origin a notebook sets no cookie: browsers are sent to the notebook's own origin, and programmatic
 *       clients authenticate with Jupyter's token.</li>
 *   <li>On a notebook's origin, and on the shared notebook port, a cookie must be host-only (a {@code Domain} would
 *       reach AAPF's name or other notebooks) and scoped to the notebook's own {@code /proxy/<proxyId>} tree (cookies
 *       do not tell ports apart, so on the shared port a {@code Path=/} cookie would reach AAPF's origin too). Jupyter's
 *       own cookies are of this kind.</li>
 * </ul>
 *
 * A cookie that cannot be parsed is dropped too.
 */
final class NotebookCookies {

    private NotebookCookies() {
    }

    /** Removes from a notebook's answer on {@code site} every {@code Set-Cookie} the notebook may not set there. */
    static void confine(HttpHeaders headers, Site site, ProxyPath path) {
        if (!headers.contains(HttpHeaderNames.SET_COOKIE)) {
            return;
        }
        if (site.isAapf()) {
            headers.remove(HttpHeaderNames.SET_COOKIE);
            return;
        }
        List<String> kept = headers.getAll(HttpHeaderNames.SET_COOKIE).stream()
                .filter(header -> allowed(header, path.proxyId())).toList();
        headers.set(HttpHeaderNames.SET_COOKIE, kept);
    }

    private static boolean allowed(String header, String proxyId) {
        Cookie cookie = ClientCookieDecoder.LAX.decode(header);
        if (cookie == null || cookie.domain() != null) {
            return false;
        }
        String tree = ProxyPath.PREFIX + proxyId;
        String scope = cookie.path();
        return scope == null || scope.equals(tree) || scope.startsWith(tree + "/");
    }
}
