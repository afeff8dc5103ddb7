package org.aapf.adapter.out.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aapf.domain.user.Password;
import org.aapf.domain.user.PasswordHash;
import org.junit.jupiter.api.Test;

class Argon2PasswordHasherTest {

    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d+),t=(\\d+),p=(\\d+)\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");

    /** Cheap parameters keep most tests fast; the defaults get their own test. */
    private final Argon2PasswordHasher hasher = new Argon2PasswordHasher(1024, 1, 1);

    @Test
    void defaults_produceAnOwaspArgon2idPhcStringWith16ByteSaltAnd32ByteHash() {
        PasswordHash hash = new Argon2PasswordHasher().hash(new Password("user1pass"));

        Matcher phc = PHC.matcher(hash.phc());
        assertTrue(phc.matches(), "PHC format");
        assertEquals("19456", phc.group(1));
        assertEquals("2", phc.group(2));
        assertEquals("1", phc.group(3));
        assertEquals(16, Base64.getDecoder().decode(padded(phc.group(4))).length);
        assertEquals(32, Base64.getDecoder().decode(padded(phc.group(5))).length);
    }

    @Test
    void hashThenVerify_acceptsTheSamePassword() {
        Password password = new Password("user1pass");

        assertTrue(hasher.verify(password, hasher.hash(password)));
    }

    @Test
    void verify_refusesAnotherPassword() {
        PasswordHash hash = hasher.hash(new Password("user1pass"));

        assertFalse(hasher.verify(new Password("user1pasS"), hash));
    }

    @Test
    void nonAsciiPasswords_roundTrip_andDifferFromLookalikes() {
        Password password = new Password("pässwörd-パスワード-🔑");
        PasswordHash hash = hasher.hash(password);

        assertTrue(hasher.verify(password, hash));
        assertFalse(hasher.verify(new Password("passwort-パスワード-🔑"), hash));
    }

    @Test
    void samePasswordTwice_getsDifferentSalts() {
        Password password = new Password("user1pass");

        assertNotEquals(hasher.hash(password), hasher.hash(password));
    }

    @Test
    void verify_readsTheParametersFromTheStoredHash() {
        PasswordHash madeWithDefaults = new Argon2PasswordHasher().hash(new Password("user1pass"));

        assertTrue(hasher.verify(new Password("user1pass"), madeWithDefaults));
    }

    @Test
    void verify_acceptsAHashFromTheArgon2ReferenceImplementation() {
        // The reference CLI's Argon2id test vector: password "password", salt "somesalt", m=64 MiB, t=2, p=4.
        PasswordHash reference = new PasswordHash(
                "$argon2id$v=19$m=65536,t=2,p=4$c29tZXNhbHQ$GpZ3sK/oH9p7VIiV56G/64Zo/8GaUw434IimaPqxwCo");

        assertTrue(hasher.verify(new Password("password"), reference));
        assertFalse(hasher.verify(new Password("Password"), reference));
    }

    @Test
    void decoy_isAnArgon2idHashThatCommonPasswordsDoNotMatch() {
        assertTrue(PHC.matcher(hasher.decoy().phc()).matches());
        assertEquals(hasher.decoy(), hasher.decoy());
        assertFalse(hasher.verify(new Password("password"), hasher.decoy()));
    }

    @Test
    void foreignOrMalformedHashes_neverVerify() {
        Password password = new Password("user1pass");

        assertFalse(hasher.verify(password, new PasswordHash("$2a$10$abcdefghijklmnopqrstuv")));
        assertFalse(hasher.verify(password, new PasswordHash("$argon2id$v=19$garbage")));
    }

    @Test
    void badParameters_areRefusedNamingTheField() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new Argon2PasswordHasher(19456, 0, 1));

        assertEquals("'iterations' must be >= 1", error.getMessage());
    }

    private static String padded(String base64) {
        return base64 + "=".repeat((4 - base64.length() % 4) % 4);
    }
}
