package org.aapf.adapter.in.http.gateway;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A request path checked to stay inside {@code /proxy/<proxyId>/jupyter}: the proxy id is one whole segment, and no
 * encoding trick ({@code %2e%2e}, {@code %2f}, {@code %252e}, {@code //}, {@code \}) can make the notebook see a
 * path outside its base URL.
 *
 * @param proxyId the id segment, exactly as sent
 * @param rawPath the path exactly as sent (still percent-encoded), to forward unchanged
 */
record ProxyPath(String proxyId, String rawPath) {

    static final String PREFIX = "/proxy/";
    private static final String NOTEBOOK_SEGMENT = "/jupyter";
    private static final int MAX_PROXY_ID = 64;
    /** Enough rounds to unwrap any nesting a downstream server would still decode. */
    private static final int DECODING_ROUNDS = 4;

    /** Parses a raw (percent-encoded) request path, or throws a 400/404 {@link ProxyRefusal}. */
    static ProxyPath parse(String rawPath) {
        if (!rawPath.startsWith(PREFIX)) {
            throw ProxyRefusal.unknownNotebook();
        }
        int idEnd = rawPath.indexOf('/', PREFIX.length());
        String proxyId = rawPath.substring(PREFIX.length(), idEnd < 0 ? rawPath.length() : idEnd);
        if (!isProxyId(proxyId)) {
            throw ProxyRefusal.unknownNotebook();
        }
        String rest = rawPath.substring(PREFIX.length() + proxyId.length());
        if (!rest.equals(NOTEBOOK_SEGMENT) && !rest.startsWith(NOTEBOOK_SEGMENT + "/")) {
            throw ProxyRefusal.unknownNotebook();
        }
        requireNoTraversal(rawPath);
        return new ProxyPath(proxyId, rawPath);
    }

    /** {@code [a-z0-9]{1,64}}, the form of every proxy id. */
    private static boolean isProxyId(String text) {
        if (text.isEmpty() || text.length() > MAX_PROXY_ID) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }

    private static void requireNoTraversal(String rawPath) {
        if (rawPath.indexOf('%') < 0) {
            requireSafeSegments(rawPath); // nothing to decode: what the notebook sees is what was checked
            return;
        }
        String lower = rawPath.toLowerCase(Locale.ROOT);
        if (lower.contains("%2f") || lower.contains("%5c")) {
            throw ProxyRefusal.badPath();
        }
        String current = rawPath;
        for (int round = 0; round < DECODING_ROUNDS; round++) {
            requireSafeSegments(current);
            String decoded = percentDecode(current);
            if (decoded.equals(current)) {
                return;
            }
            current = decoded;
        }
        throw ProxyRefusal.badPath();
    }

    private static void requireSafeSegments(String path) {
        if (path.contains("\\") || path.contains("//")) {
            throw ProxyRefusal.badPath();
        }
        int segmentStart = 0;
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw ProxyRefusal.badPath();
            }
            if (c == '/') {
                requireNoDotSegment(path, segmentStart, i);
                segmentStart = i + 1;
            }
        }
        requireNoDotSegment(path, segmentStart, path.length());
    }

    /** Refuses the segment {@code path[start, end)} if it is {@code .} or {@code ..} (parameters after ';' aside). */
    private static void requireNoDotSegment(String path, int start, int end) {
        int semicolon = path.indexOf(';', start);
        int nameEnd = semicolon >= 0 && semicolon < end ? semicolon : end;
        int length = nameEnd - start;
        if ((length == 1 || length == 2) && path.charAt(start) == '.' && path.charAt(nameEnd - 1) == '.') {
            throw ProxyRefusal.badPath();
        }
    }

    /** Decodes valid {@code %XX} escapes and keeps anything else (a lone {@code %}) as it is. */
    static String percentDecode(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        byte[] source = text.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < source.length; i++) {
            if (source[i] == '%' && i + 2 < source.length && isHex(source[i + 1]) && isHex(source[i + 2])) {
                bytes.write(Character.digit(source[i + 1], 16) * 16 + Character.digit(source[i + 2], 16));
                i += 2;
            } else {
                bytes.write(source[i]);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static boolean isHex(byte b) {
        return Character.digit(b, 16) >= 0;
    }
}
