package org.aapf.domain.catalogue;

import java.util.Objects;

/**
 * The values substituted into an image's command, environment and health path when an instance is launched:
 * {@code {baseUrl}}, {@code {token}}, {@code {port}}, {@code {hostname}}, {@code {cpus}} and {@code {memoryMiB}}.
 * Services without a notebook get empty base URL and token.
 *
 * @param baseUrl the URL path the instance serves under, e.g. {@code /proxy/abc123/jupyter}; empty for none
 * @param token the notebook's access token; empty for none
 * @param port the HTTP port the instance listens on
 * @param hostname the stable name other instances of the cluster reach this one by, e.g. {@code spark-worker-2};
 *     empty when the backend gives none
 * @param cpus whole cores of the performance type, rounded up and at least 1 (e.g. Spark's {@code --cores})
 * @param memoryMiB memory of the performance type in MiB (e.g. Spark's {@code --memory {memoryMiB}m})
 */
public record Placeholders(String baseUrl, String token, int port, String hostname, int cpus, long memoryMiB) {

    public Placeholders {
        Objects.requireNonNull(baseUrl, "'baseUrl' must not be null");
        Objects.requireNonNull(token, "'token' must not be null");
        Objects.requireNonNull(hostname, "'hostname' must not be null");
        if (cpus < 1) {
            throw new IllegalArgumentException("'cpus' must be >= 1");
        }
        if (memoryMiB < 1) {
            throw new IllegalArgumentException("'memoryMiB' must be >= 1");
        }
    }

    /** Values for an instance of the given resources; {@code cpus} is {@code resources.cpu} rounded up. */
    public Placeholders(String baseUrl, String token, int port, String hostname, Resources resources) {
        this(baseUrl, token, port, hostname, (int) Math.max(1, Math.ceil(resources.cpu())), resources.memoryMiB());
    }

    /** Values for a command that uses no hostname or resources: 1 cpu and 1024 MiB stand in for them. */
    public Placeholders(String baseUrl, String token, int port) {
        this(baseUrl, token, port, "", 1, 1024);
    }

    /** Returns {@code template} with every known placeholder replaced; unknown braces are left as they are. */
    public String apply(String template) {
        return template.replace("{baseUrl}", baseUrl)
                .replace("{token}", token)
                .replace("{port}", Integer.toString(port))
                .replace("{hostname}", hostname)
                .replace("{cpus}", Integer.toString(cpus))
                .replace("{memoryMiB}", Long.toString(memoryMiB));
    }

    @Override
    public String toString() {
        return "Placeholders[baseUrl=" + baseUrl + ", token=redacted, port=" + port + ", hostname=" + hostname
                + ", cpus=" + cpus + ", memoryMiB=" + memoryMiB + "]";
    }
}
