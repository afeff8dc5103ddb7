package org.aapf.domain.cluster;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/** The unguessable id in a notebook's URL path {@code /proxy/<proxyId>/jupyter}. */
public record ProxyId(String value) {

    private static final Pattern FORMAT = Pattern.compile("[a-z0-9]{10,64}");
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final int LENGTH = 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    public ProxyId {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("'proxyId' must be 10-64 characters of [a-z0-9]");
        }
    }

    /** A fresh id of 20 random characters (about 103 bits). */
    public static ProxyId random() {
        StringBuilder id = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            id.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return new ProxyId(id.toString());
    }

    /** The notebook's base URL path, {@code /proxy/<proxyId>/jupyter}. */
    public String urlPath() {
        return "/proxy/" + value + "/jupyter";
    }

    @Override
    public String toString() {
        return value;
    }
}
