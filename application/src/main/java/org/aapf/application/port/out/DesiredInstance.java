package org.aapf.application.port.out;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.aapf.domain.catalogue.Resources;
import org.aapf.domain.user.UserId;

/**
 * What the reconciler wants running for one instance.
 *
 * @param owner the user the instance belongs to (backends label with it; Kubernetes may derive a namespace)
 * @param image the backend image reference, e.g. {@code aapf/jupyter-notebook:6.4}
 * @param command the full command line; empty means the image's own
 * @param env environment variables
 * @param httpPort the container port the instance serves HTTP on (the notebook, the Spark master UI)
 * @param healthPath an HTTP path answering 200 when the instance is ready, e.g. {@code /proxy/abc/jupyter/api/status}
 * @param hostname a stable name other instances of the same cluster reach this one by (e.g. {@code spark-master})
 * @param workspacePath where the cluster's persistent workspace is mounted in this instance; present exactly for the
 *     notebook (Spark master and workers keep scratch space only)
 */
public record DesiredInstance(InstanceRef ref, UserId owner, String image, List<String> command,
        Map<String, String> env, Resources resources, int httpPort, Optional<String> healthPath,
        Optional<String> hostname, Optional<String> workspacePath) {

    /** An instance without a workspace. */
    public DesiredInstance(InstanceRef ref, UserId owner, String image, List<String> command,
            Map<String, String> env, Resources resources, int httpPort, Optional<String> healthPath,
            Optional<String> hostname) {
        this(ref, owner, image, command, env, resources, httpPort, healthPath, hostname, Optional.empty());
    }

    public DesiredInstance {
        Objects.requireNonNull(ref, "'ref' must not be null");
        Objects.requireNonNull(owner, "'owner' must not be null");
        Objects.requireNonNull(resources, "'resources' must not be null");
        if (image == null || image.isBlank()) {
            throw new IllegalArgumentException("'image' must not be blank");
        }
        if (httpPort < 1 || httpPort > 65535) {
            throw new IllegalArgumentException("'httpPort' must be 1-65535");
        }
        command = List.copyOf(command);
        env = Map.copyOf(env);
        Objects.requireNonNull(healthPath, "'healthPath' must not be null");
        Objects.requireNonNull(hostname, "'hostname' must not be null");
        Objects.requireNonNull(workspacePath, "'workspacePath' must not be null");
    }

    /** This instance as {@code another} owner would have it (a warm pool starts notebooks under its own owner). */
    public DesiredInstance withOwner(UserId another) {
        return new DesiredInstance(ref, another, image, command, env, resources, httpPort, healthPath, hostname,
                workspacePath);
    }

    /**
     * A short, stable fingerprint of everything that defines the instance; backends store it with the instance so
     * that a changed spec is detected and replaced.
     */
    public String specHash() {
        String canonical = String.join("\u0000", ref.toString(), owner.toString(), image, String.join("\u0001", command),
                new TreeMap<>(env).toString(), resources.toString(), Integer.toString(httpPort),
                healthPath.orElse(""), hostname.orElse(""), workspacePath.orElse(""));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
