package org.aapf.domain.cluster;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** The secret a notebook demands on every request; shown to its owner, never logged. */
public record JupyterToken(String value) {

    private static final Pattern FORMAT = Pattern.compile("[0-9a-f]{48}");
    private static final SecureRandom RANDOM = new SecureRandom();

    public JupyterToken {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("'jupyterToken' must be 48 lowercase hex characters");
        }
    }

    /** A fresh token of 24 random bytes. */
    public static JupyterToken random() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return new JupyterToken(HexFormat.of().formatHex(bytes));
    }

    @Override
    public String toString() {
        return "JupyterToken[redacted]";
    }
}
