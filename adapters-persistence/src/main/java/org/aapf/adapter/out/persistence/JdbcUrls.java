package org.aapf.adapter.out.persistence;

import java.util.Locale;

/** Turns a JDBC URL into a short description that is safe to log: no parameters, no user info. */
final class JdbcUrls {

    private static final String H2 = "jdbc:h2:";
    private static final String POSTGRES = "jdbc:postgresql:";

    private JdbcUrls() {
    }

    static String describe(String jdbcUrl) {
        String lower = jdbcUrl.toLowerCase(Locale.ROOT);
        if (lower.startsWith(H2)) {
            return describeH2(cutAt(jdbcUrl.substring(H2.length()), ';'));
        }
        if (lower.startsWith(POSTGRES)) {
            return "PostgreSQL " + hostAndPath(cutAt(jdbcUrl.substring(POSTGRES.length()), '?'));
        }
        return vendor(lower) + " database";
    }

    private static String describeH2(String location) {
        String lower = location.toLowerCase(Locale.ROOT);
        if (lower.startsWith("mem:")) {
            return "H2 in-memory " + location.substring("mem:".length());
        }
        if (lower.startsWith("file:")) {
            return "H2 file " + location.substring("file:".length());
        }
        if (lower.startsWith("tcp:") || lower.startsWith("ssl:")) {
            return "H2 server " + hostAndPath(location.substring(4));
        }
        return "H2 " + location;
    }

    /** {@code //user:secret@host:port/db} becomes {@code host:port/db}. */
    private static String hostAndPath(String location) {
        String rest = location.startsWith("//") ? location.substring(2) : location;
        int slash = rest.indexOf('/');
        String authority = slash < 0 ? rest : rest.substring(0, slash);
        int at = authority.lastIndexOf('@');
        return at < 0 ? rest : rest.substring(at + 1);
    }

    private static String vendor(String lowerUrl) {
        String[] parts = lowerUrl.split(":", 3);
        return parts.length > 1 && !parts[1].isBlank() ? parts[1] : "unknown";
    }

    private static String cutAt(String text, char separator) {
        int index = text.indexOf(separator);
        return index < 0 ? text : text.substring(0, index);
    }
}
