package org.aapf.adapter.in.http.gateway;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.cookie.ClientCookieDecoder;
import io.netty.handler.codec.http.cookie.Cookie;
import io.netty.handler.codec.http.cookie.ServerCookieEncoder;
import java.util.List;
import java.util.Optional;

/**
 * Which cookies a notebook may set through the proxy. A notebook's owner controls its answers, and a cookie that
 * reaches AAPF's host name travels with every request the user's browser sends to the WebUI and the API: a page
 * anywhere could make the browser fetch such an answer and plant cookies there, enough of them to make each of those
 * requests too large to be served.
 *
 * <ul>
 *   <li>On AAPF's origin a notebook sets no cookie: browsers are sent to the notebook's own origin, and programmatic
 *       clients authenticate with Jupyter's token.</li>
 *   <li>On a notebook's own origin a cookie must be host-only: a {@code Domain} would reach AAPF's name or other
 *       notebooks. Its path does not matter, as no one else is served on that host.</li>
 *   <li>On the shared notebook port, host-only too, and a cookie scoped beyond the notebook's own
 *       {@code /proxy/<proxyId>/} tree is scoped to that tree: cookies do not tell ports apart, so a {@code Path=/}
 *       cookie would reach AAPF's origin and every other notebook (Jupyter Notebook 6.4 sets its {@code _xsrf} cookie
 *       so; its pages under the tree still see it).</li>
 * </ul>
 *
 * A cookie that cannot be parsed is dropped.
 */
final class NotebookCookies {

    private NotebookCookies() {
    }

    /** Applies the rules above to the {@code Set-Cookie} headers of a notebook's answer on {@code site}. */
    static void confine(HttpHeaders headers, Site site, ProxyPath path) {
        if (!headers.contains(HttpHeaderNames.SET_COOKIE)) {
            return;
        }
        if (site.isAapf()) {
            headers.remove(HttpHeaderNames.SET_COOKIE);
            return;
        }
        List<String> kept = headers.getAll(HttpHeaderNames.SET_COOKIE).stream()
                .flatMap(header -> confined(header, site, path.proxyId()).stream()).toList();
        headers.set(HttpHeaderNames.SET_COOKIE, kept);
    }

    private static Optional<String> confined(String header, Site site, String proxyId) {
        Cookie cookie = ClientCookieDecoder.LAX.decode(header);
        if (cookie == null || cookie.domain() != null) {
            return Optional.empty();
        }
        String tree = ProxyPath.PREFIX + proxyId + "/";
        String scope = cookie.path();
        if (site.kind() != Site.Kind.SHARED_NOTEBOOKS || scope == null || scope.startsWith(tree)) {
            return Optional.of(header);
        }
        cookie.setPath(tree);
        return Optional.of(ServerCookieEncoder.LAX.encode(cookie));
    }
}
