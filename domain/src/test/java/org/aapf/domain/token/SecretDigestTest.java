package org.aapf.domain.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class SecretDigestTest {

    private static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @Test
    void isTheHexSha256OfTheSecret() {
        // FIPS 180-2's test vectors
        assertEquals(ABC, SecretDigest.sha256("abc").hex());
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", SecretDigest.sha256("").hex());
    }

    @Test
    void eachDigestStartsFresh() {
        SecretDigest first = SecretDigest.sha256("token-1");
        SecretDigest.sha256("something else entirely");
        assertEquals(first, SecretDigest.sha256("token-1"));
    }

    @Test
    void takesSixtyFourHexDigitsOnly() {
        assertEquals(ABC.toUpperCase(Locale.ROOT), new SecretDigest(ABC.toUpperCase(Locale.ROOT)).hex());
        assertThrows(IllegalArgumentException.class, () -> new SecretDigest(ABC.substring(1)));
        assertThrows(IllegalArgumentException.class, () -> new SecretDigest(ABC.substring(1) + "g"));
        assertThrows(NullPointerException.class, () -> new SecretDigest(null));
    }

    @Test
    void neverShowsTheDigest() {
        assertEquals("SecretDigest[redacted]", SecretDigest.sha256("abc").toString());
    }
}
