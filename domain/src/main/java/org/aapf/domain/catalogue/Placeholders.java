package org.aapf.domain.catalogue;

import java.util.Objects;

/**
 * The values substituted into an image's command, environment and health path when an instance is launched:
 * {@code {baseUrl}}, {@code {token}} and {@code {port}}. Services without a notebook get empty base URL and token.
 *
 * @param baseUrl the URL path the instance serves under, e.g. {@code /proxy/abc123/jupyter}; empty for none
 * @param token the notebook's access token; empty for none
 * @param port the HTTP port the instance listens on
 */
public record Placeholders(String baseUrl, String token, int port) {

    public Placeholders {
        Objects.requireNonNull(baseUrl, "'baseUrl' must not be null");
        Objects.requireNonNull(token, "'token' must not be null");
    }

    /** Returns {@code template} with every known placeholder replaced; unknown braces are left as they are. */
    public String apply(String template) {
        return template.replace("{baseUrl}", baseUrl)
                .replace("{token}", token)
                .replace("{port}", Integer.toString(port));
    }

    @Override
    public String toString() {
        return "Placeholders[baseUrl=" + baseUrl + ", token=redacted, port=" + port + "]";
    }
}
