package org.aapf.adapter.in.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ClientAddressTest {

    private static final String LOGIN = "{\"username\": \"user1\", \"password\": \"user1pass\"}";

    @Test
    void behindTrustedProxy_lastForwardedHopIsTheClient() {
        try (ApiTestServer api = new ApiTestServer(new HttpSettings(1024, ZoneOffset.UTC, true))) {
            api.send(api.request("POST", "/api/v1/login", LOGIN)
                    .header("X-Forwarded-For", "10.9.9.9, 198.51.100.1")
                    .header("X-Forwarded-For", "203.0.113.7"));

            assertEquals("203.0.113.7", api.accounts.lastLogin.clientAddress());
        }
    }

    @Test
    void behindTrustedProxy_withoutHeader_peerIsTheClient() {
        try (ApiTestServer api = new ApiTestServer(new HttpSettings(1024, ZoneOffset.UTC, true))) {
            api.send(api.request("POST", "/api/v1/login", LOGIN));

            assertEquals("127.0.0.1", api.accounts.lastLogin.clientAddress());
        }
    }

    @Test
    void byDefault_forwardedForIsIgnored() {
        try (ApiTestServer api = new ApiTestServer()) {
            api.send(api.request("POST", "/api/v1/login", LOGIN).header("X-Forwarded-For", "203.0.113.7"));

            assertEquals("127.0.0.1", api.accounts.lastLogin.clientAddress());
        }
    }
}
