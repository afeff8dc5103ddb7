package org.aapf.bootstrap.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.aapf.bootstrap.cli.AapfCommand;
import org.aapf.bootstrap.support.Docker;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code aapf doctor} against the real Docker engine, and against an engine address where nothing listens. */
class DoctorIT {

    private static final String MISSING_IMAGE = """
              - repositoryName: missing
                displayName: Missing
                reference: aapf/not-built-anywhere:0
                launch: { httpPort: 8080 }
            """;

    @TempDir
    Path dir;

    @BeforeEach
    void requireEngine() {
        Docker.requireEngineAndImage("aapf/testbox:1");
    }

    @Test
    void reachableEngineWithEveryImage_isFine() throws Exception {
        Result result = doctor(config("", GracefulShutdownIT.TESTBOX_CATALOGUE));

        assertEquals(0, result.code(), result.out());
        assertTrue(result.out().contains("ok    database: H2 file"), result.out());
        assertTrue(result.out().contains("ok    backend: Docker engine at"), result.out());
        assertTrue(result.out().contains("ok    image testbox (aapf/testbox:1): available"), result.out());
        assertTrue(result.out().contains("ok    pools: none configured"), result.out());
        assertTrue(result.out().endsWith("No problems found." + System.lineSeparator()), result.out());
    }

    @Test
    void missingImage_isAProblemWithItsFix() throws Exception {
        String catalogue = GracefulShutdownIT.TESTBOX_CATALOGUE.replace("perfTypes:", MISSING_IMAGE + "perfTypes:");

        Result result = doctor(config("", catalogue));

        assertEquals(1, result.code(), result.out());
        assertTrue(result.out().contains("FAIL  image missing (aapf/not-built-anywhere:0): cannot start"),
                result.out());
        assertTrue(result.out().contains("fix: the image 'aapf/not-built-anywhere:0' is not on the Docker engine: run"
                + " 'docker pull aapf/not-built-anywhere:0'"), result.out());
        assertTrue(result.out().contains("1 problem found."), result.out());
    }

    @Test
    void unreachableEngine_isAProblem_andTheImagesAreSkipped() throws Exception {
        Result result = doctor(config("tcp://127.0.0.1:1", GracefulShutdownIT.TESTBOX_CATALOGUE));

        assertEquals(1, result.code(), result.out());
        assertTrue(result.out().contains("FAIL  backend: Docker engine at tcp://127.0.0.1:1 cannot be reached"),
                result.out());
        assertTrue(result.out().contains("fix: start the Docker engine"), result.out());
        assertTrue(result.out().contains("skip  image testbox (aapf/testbox:1): needs a reachable backend"),
                result.out());
        assertTrue(result.out().contains("ok    database"), result.out());
    }

    @Test
    void orphanWorkspace_isListedWithSizeAndAge_keptByTheReconciler_andPrunedOnlyOnTheOperatorsWord()
            throws Exception {
        String serverId = "doctor-" + UUID.randomUUID().toString().substring(0, 8);
        String cluster = UUID.randomUUID().toString();
        String orphan = "aapf-ws-doctor-" + serverId;
        String foreign = "aapf-ws-foreign-" + serverId;
        Docker.exec("docker", "volume", "create", "--label", "org.aapf.server=" + serverId, "--label",
                "org.aapf.cluster=" + cluster, "--label", "org.aapf.workspace=/home/jovyan", orphan);
        Docker.exec("docker", "volume", "create", "--label", "org.aapf.server=someone-else", "--label",
                "org.aapf.cluster=" + cluster, "--label", "org.aapf.workspace=/home/jovyan", foreign);
        try {
            Path config = Files.writeString(config("", GracefulShutdownIT.TESTBOX_CATALOGUE),
                    "serverId: " + serverId + "\n", java.nio.file.StandardOpenOption.APPEND);

            Result result = doctor(config);

            assertEquals(0, result.code(), result.out());
            assertTrue(result.out().contains("ok    workspaces: 1 without their AACluster"), result.out());
            assertTrue(result.out().matches("(?s).*" + orphan + " \\(AACluster " + cluster
                    + ", owner unknown\\): \\d+ B, \\d+ minutes old.*"), result.out());
            Result young = run("workspaces", "prune", "--older-than", "P7D", "--config", config.toString());
            assertTrue(young.out().contains("0 orphan workspaces removed."), young.out());
            assertEquals(List.of(orphan), Docker.volumes("org.aapf.server=" + serverId));

            Result pruned = run("workspaces", "prune", "--older-than", "PT0S", "--config", config.toString());

            assertEquals(0, pruned.code(), pruned.out());
            assertTrue(pruned.out().contains("1 orphan workspaces removed."), pruned.out());
            assertEquals(List.of(), Docker.volumes("org.aapf.server=" + serverId));
            assertEquals(List.of(foreign), Docker.volumes("org.aapf.server=someone-else").stream()
                    .filter(foreign::equals).toList(), "another server's workspace is never touched");
        } finally {
            Docker.removeVolume(orphan);
            Docker.removeVolume(foreign);
        }
    }

    private Path config(String dockerHost, String catalogue) throws Exception {
        Path catalogueFile = Files.writeString(dir.resolve("catalogue.yaml"), catalogue);
        return Files.writeString(dir.resolve("aapf.yaml"), "dataDir: " + dir.resolve("data") + "\n"
                + "catalogue: " + catalogueFile + "\n"
                + "backend:\n  type: docker\n  docker:\n    host: \"" + dockerHost + "\"\n");
    }

    private record Result(int code, String out) {
    }

    private static Result doctor(Path config) {
        return run("doctor", "--config", config.toString());
    }

    private static Result run(String... arguments) {
        StringWriter out = new StringWriter();
        CommandLine commandLine = AapfCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        int code = commandLine.execute(arguments);
        return new Result(code, out.toString());
    }
}
