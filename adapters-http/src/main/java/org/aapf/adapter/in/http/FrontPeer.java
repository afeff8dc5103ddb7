package org.aapf.adapter.in.http;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;

/**
 * The client's address across the gateway ({@code gateway.Gateway}), which relays requests to the Helidon server
 * over loopback: the gateway names the client in {@value #HEADER}, sealed with a secret of this process, so that the
 * Helidon side (login throttling) sees the real client and no client can pass itself off as another by sending the
 * header. The gateway replaces any such header a client sends, and never forwards it to a notebook.
 */
public final class FrontPeer {

    /** The header the front adds to every request it relays to Helidon. */
    public static final String HEADER = "X-Aapf-Front-Peer";

    private static final HeaderName HEADER_NAME = HeaderNames.create(HEADER);
    private static final String SEAL = newSeal();

    private FrontPeer() {
    }

    /** The header's value naming {@code clientAddress}. */
    public static String headerValue(String clientAddress) {
        return SEAL + " " + clientAddress;
    }

    /** The client's address: as the front saw it when the request came through the front, else the TCP peer. */
    public static String address(ServerRequest req) {
        String sealed = req.headers().first(HEADER_NAME).orElse(null);
        if (sealed != null && sealed.length() > SEAL.length() + 1 && sealed.charAt(SEAL.length()) == ' '
                && MessageDigest.isEqual(sealed.substring(0, SEAL.length()).getBytes(StandardCharsets.US_ASCII),
                SEAL.getBytes(StandardCharsets.US_ASCII))) {
            return sealed.substring(SEAL.length() + 1);
        }
        if (req.remotePeer().address() instanceof InetSocketAddress socket && socket.getAddress() != null) {
            return socket.getAddress().getHostAddress();
        }
        return req.remotePeer().host();
    }

    private static String newSeal() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
