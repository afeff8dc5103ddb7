package org.aapf.domain.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/** A one-way digest (hex SHA-256) of a secret; the database keeps this, never the secret itself. */
public record SecretDigest(String hex) {

    public SecretDigest {
        Objects.requireNonNull(hex, "'digest' must not be null");
        if (hex.length() != 64) {
            throw new IllegalArgumentException("'digest' must be 64 hex characters");
        }
        HexFormat.of().parseHex(hex);
    }

    /** The SHA-256 digest of {@code secret}. */
    public static SecretDigest sha256(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return new SecretDigest(HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "SecretDigest[redacted]";
    }
}
