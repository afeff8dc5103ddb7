package org.aapf.domain.catalogue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How a backend starts an image for one service: command line, environment, HTTP port and health check. Command
 * arguments, environment values and the health path are templates that may contain {@link Placeholders}.
 *
 * @param command the full command line; empty means the image's own entry point
 * @param env environment variables (values may contain placeholders)
 * @param httpPort the port the instance serves HTTP on (notebook, Spark UI)
 * @param healthPath a path template answering 200 when the instance is ready, e.g. {@code {baseUrl}/api}; never
 *     with {@code {token}} (probe paths are labels and pod specs); empty means the backend only checks that the
 *     process runs
 * @param workspacePath where a notebook's persistent workspace is mounted, an absolute path: the directory the image
 *     starts in; empty means {@link #DEFAULT_WORKSPACE_PATH}. Other services get no workspace.
 */
public record LaunchSpec(List<String> command, Map<String, String> env, int httpPort, Optional<String> healthPath,
        Optional<String> workspacePath) {

    /** The working directory of the shipped notebook image and of the Jupyter Docker Stacks images. */
    public static final String DEFAULT_WORKSPACE_PATH = "/home/jovyan";

    public LaunchSpec {
        command = List.copyOf(Objects.requireNonNull(command, "'command' must not be null"));
        env = Map.copyOf(Objects.requireNonNull(env, "'env' must not be null"));
        if (httpPort < 1 || httpPort > 65535) {
            throw new IllegalArgumentException("'httpPort' must be 1-65535");
        }
        Objects.requireNonNull(healthPath, "'healthPath' must not be null (use empty)");
        healthPath.ifPresent(path -> {
            if (!path.startsWith("/") && !path.startsWith("{baseUrl}")) {
                throw new IllegalArgumentException("'healthPath' must start with '/' or '{baseUrl}'");
            }
            if (path.contains("{token}")) {
                // a probe path is a container label and a pod's probe, and lands in request logs
                throw new IllegalArgumentException("'healthPath' must not contain {token}: probe paths are visible"
                        + " to anyone who can list containers or pods; probe a path that needs no token");
            }
        });
        Objects.requireNonNull(workspacePath, "'workspacePath' must not be null (use empty)");
        workspacePath.ifPresent(path -> {
            if (!path.startsWith("/") || path.equals("/") || path.contains("..") || path.contains(":")) {
                throw new IllegalArgumentException("'workspacePath' must be an absolute directory other than '/'"
                        + " without '..' or ':'");
            }
        });
    }

    /** A launch whose notebook workspace sits at {@link #DEFAULT_WORKSPACE_PATH}. */
    public LaunchSpec(List<String> command, Map<String, String> env, int httpPort, Optional<String> healthPath) {
        this(command, env, httpPort, healthPath, Optional.empty());
    }

    /** Where a notebook started this way keeps its workspace. */
    public String notebookWorkspacePath() {
        return workspacePath.orElse(DEFAULT_WORKSPACE_PATH);
    }

    /** The command line with placeholders substituted. */
    public List<String> commandFor(Placeholders values) {
        return command.stream().map(values::apply).toList();
    }

    /** The environment with placeholders substituted in every value. */
    public Map<String, String> envFor(Placeholders values) {
        Map<String, String> rendered = new LinkedHashMap<>();
        env.forEach((name, value) -> rendered.put(name, values.apply(value)));
        return Map.copyOf(rendered);
    }

    /** The health path with placeholders substituted; a base URL of {@code ""} yields a path from the root. */
    public Optional<String> healthPathFor(Placeholders values) {
        return healthPath.map(values::apply).map(path -> path.isEmpty() ? "/" : path);
    }
}
