package org.aapf.adapter.in.http.gateway;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import io.netty.util.AsciiString;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HopByHopHeadersTest {

    private static final HopByHopHeaders PLAIN = HopByHopHeaders.from(List.of());

    @ParameterizedTest
    @ValueSource(strings = {"Connection", "connection", "KEEP-ALIVE", "Keep-Alive", "TE", "Trailer",
            "Transfer-Encoding", "upgrade", "Proxy-Authorization", "proxy-connection", "PROXY-x"})
    void theFixedHeadersAndProxyOnesInAnyCase(String name) {
        assertTrue(PLAIN.isHopByHop(name));
        assertTrue(PLAIN.isHopByHop(new AsciiString(name)), "as Netty's codec names it");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Content-Type", "Content-Length", "Cookie", "Authorization", "T", "TEs", "Upgrades",
            "Proxy", "X-Proxy-Id", ""})
    void endToEndHeadersCross(String name) {
        assertFalse(PLAIN.isHopByHop(name));
    }

    @Test
    void theHeadersConnectionNamesInAnyCaseAndSpacing() {
        HopByHopHeaders rule = HopByHopHeaders.from(List.of("keep-alive, X-Session-Hint", " , x-other ,"));

        assertTrue(rule.isHopByHop("x-session-hint"));
        assertTrue(rule.isHopByHop("X-SESSION-HINT"));
        assertTrue(rule.isHopByHop(new AsciiString("X-Other")));
        assertTrue(rule.isHopByHop("Keep-Alive"));
        assertFalse(rule.isHopByHop("X-Session"));
        assertFalse(PLAIN.isHopByHop("X-Session-Hint"), "each message has its own rule");
    }
}
