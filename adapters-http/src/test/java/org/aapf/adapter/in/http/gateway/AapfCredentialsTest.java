package org.aapf.adapter.in.http.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class AapfCredentialsTest {

    @Test
    void dropsBearerAuthorizationInAnyCase_keepsJupytersTokenScheme() {
        assertEquals(Optional.empty(), AapfCredentials.strip("Authorization", "Bearer abc"));
        assertEquals(Optional.empty(), AapfCredentials.strip("authorization", "  bEaReR\tabc"));
        assertEquals(Optional.of("token abc"), AapfCredentials.strip("Authorization", "token abc"));
        assertEquals(Optional.of("Bearerish x"), AapfCredentials.strip("Authorization", "Bearerish x"));
    }

    @Test
    void dropsAapfCookiesOnly() {
        assertEquals(Optional.of("_xsrf=1; b=2"), AapfCredentials.strip("Cookie", "aapf_s=x; _xsrf=1;AAPF=y; b=2"));
        assertEquals(Optional.empty(), AapfCredentials.strip("Cookie", "aapf=1"));
        assertEquals(Optional.of("a=1;b=2"), AapfCredentials.strip("Cookie", "a=1;b=2"));
        assertEquals(Optional.of("Bearer x"), AapfCredentials.strip("X-Other", "Bearer x"));
    }
}
