package org.aapf.bootstrap.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The docker CLI, for tests that set up or inspect engine state behind the server's back. */
public final class Docker {

    private Docker() {
    }

    /** Fails the test with the fix when the engine or the image is missing. */
    public static void requireEngineAndImage(String image) {
        try {
            if (exec("docker", "image", "inspect", image).isEmpty()) {
                throw new IllegalStateException("missing image");
            }
        } catch (RuntimeException | IOException | InterruptedException e) {
            throw new AssertionError("The Docker engine or the image " + image + " is missing: run "
                    + "scripts/ensure-docker.sh and images/build-test-images.sh first", e);
        }
    }

    public static List<String> containerIds(String labelFilter) throws IOException, InterruptedException {
        String out = exec("docker", "ps", "-aq", "--no-trunc", "--filter", "label=" + labelFilter);
        return out.isBlank() ? List.of() : Arrays.stream(out.strip().split("\\s+")).sorted().toList();
    }

    /** Starts a detached container and returns its id. */
    public static String run(String image, Map<String, String> labels, String... command)
            throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("docker", "run", "-d"));
        labels.forEach((key, value) -> args.addAll(List.of("--label", key + "=" + value)));
        args.add(image);
        args.addAll(List.of(command));
        return exec(args.toArray(String[]::new)).strip();
    }

    /**
     * Runs a one-off container on a network until it exits (removed afterwards) and returns its output; fails when
     * it exits non-zero. Only the label marks it: it is never one of the server's instances.
     */
    public static String runOnNetwork(String network, String alias, Map<String, String> labels, String image,
            String... command) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("docker", "run", "--rm", "--network", network,
                "--network-alias", alias, "--hostname", alias));
        labels.forEach((key, value) -> args.addAll(List.of("--label", key + "=" + value)));
        args.add(image);
        args.addAll(List.of(command));
        return exec(args.toArray(String[]::new));
    }

    /** The names of the networks the container is attached to. */
    public static List<String> networksOf(String id) throws IOException, InterruptedException {
        String out = exec("docker", "inspect", "--format",
                "{{range $name, $net := .NetworkSettings.Networks}}{{$name}} {{end}}", id);
        return Arrays.stream(out.strip().split("\\s+")).filter(name -> !name.isBlank()).toList();
    }

    /** {@code docker inspect --format FORMAT ID}, stripped. */
    public static String inspect(String id, String format) throws IOException, InterruptedException {
        return exec("docker", "inspect", "--format", format, id).strip();
    }

    public static void kill(String id) throws IOException, InterruptedException {
        exec("docker", "kill", id);
    }

    public static boolean exists(String id) throws IOException, InterruptedException {
        return !exec("docker", "ps", "-aq", "--no-trunc", "--filter", "id=" + id).isBlank();
    }

    public static void remove(String id) throws IOException, InterruptedException {
        exec("docker", "rm", "-f", id);
    }

    /** The names of the containers carrying the label that the engine created since {@code since}, one per creation. */
    public static List<String> createdSince(String labelFilter, Instant since)
            throws IOException, InterruptedException {
        String out = exec("docker", "events", "--since", Long.toString(since.getEpochSecond()), "--until",
                Long.toString(Instant.now().getEpochSecond() + 1), "--filter", "label=" + labelFilter,
                "--filter", "type=container", "--filter", "event=create", "--format", "{{.Actor.Attributes.name}}");
        return out.isBlank() ? List.of() : Arrays.stream(out.strip().split("\\s+")).sorted().toList();
    }

    /** Removes every container, network and volume carrying the label (test clean-up). */
    public static void removeEverythingLabelled(String labelFilter) throws IOException, InterruptedException {
        for (String id : containerIds(labelFilter)) {
            remove(id);
        }
        String networks = exec("docker", "network", "ls", "-q", "--filter", "label=" + labelFilter);
        for (String id : networks.isBlank() ? new String[0] : networks.strip().split("\\s+")) {
            exec("docker", "network", "rm", id);
        }
        for (String volume : volumes(labelFilter)) {
            removeVolume(volume);
        }
    }

    /** The names of the volumes carrying the label. */
    public static List<String> volumes(String labelFilter) throws IOException, InterruptedException {
        String out = exec("docker", "volume", "ls", "-q", "--filter", "label=" + labelFilter);
        return Arrays.stream(out.strip().split("\\s+")).filter(name -> !name.isBlank()).toList();
    }

    public static String volumeLabel(String volume, String label) throws IOException, InterruptedException {
        return exec("docker", "volume", "inspect", "--format", "{{index .Labels \"" + label + "\"}}", volume).strip();
    }

    public static void removeVolume(String volume) throws IOException, InterruptedException {
        exec("docker", "volume", "rm", "-f", volume);
    }

    /** Runs a command that is expected to fail or be killed (e.g. by the OOM killer); returns its exit code. */
    public static int execIgnoringFailure(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        return process.waitFor();
    }

    /**
     * Builds {@code tag} from the directory's {@code Dockerfile} with the classic builder, as
     * images/build-test-images.sh does (no BuildKit needed), removing its intermediate containers even when a step
     * fails; {@code options} go before the directory.
     */
    public static void build(String tag, Path context, String... options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("docker", "build", "--quiet", "--force-rm", "--tag", tag));
        command.addAll(List.of(options));
        command.add(context.toString());
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("DOCKER_BUILDKIT", "0");
        run(builder, command.toArray(String[]::new));
    }

    /** Runs a command, failing with its output when it fails; returns its output. */
    public static String exec(String... command) throws IOException, InterruptedException {
        return run(new ProcessBuilder(command), command);
    }

    private static String run(ProcessBuilder builder, String... command) throws IOException, InterruptedException {
        Process process = builder.redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out.strip());
        }
        return out;
    }
}
