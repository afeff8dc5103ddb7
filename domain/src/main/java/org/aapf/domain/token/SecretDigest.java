package org.aapf.domain.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/** A one-way digest (hex SHA-256) of a secret; the database keeps this, never the secret itself. */
public record SecretDigest(String hex) {

    /** A fresh SHA-256 digest, copied for each use: cheaper than looking the algorithm up among the providers. */
    private static final MessageDigest SHA_256 = sha256Digest();

    public SecretDigest {
        Objects.requireNonNull(hex, "'digest' must not be null");
        if (hex.length() != 64) {
            throw new IllegalArgumentException("'digest' must be 64 hex characters");
        }
        for (int i = 0; i < hex.length(); i++) {
            if (!HexFormat.isHexDigit(hex.charAt(i))) {
                throw new IllegalArgumentException("'digest' must be 64 hex characters");
            }
        }
    }

    /** The SHA-256 digest of {@code secret}. */
    public static SecretDigest sha256(String secret) {
        MessageDigest digest;
        try {
            digest = (MessageDigest) SHA_256.clone();
        } catch (CloneNotSupportedException e) {
            digest = sha256Digest();
        }
        return new SecretDigest(HexFormat.of().formatHex(digest.digest(secret.getBytes(StandardCharsets.UTF_8))));
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "SecretDigest[redacted]";
    }
}
