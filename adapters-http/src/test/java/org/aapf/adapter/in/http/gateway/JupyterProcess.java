package org.aapf.adapter.in.http.gateway;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Jupyter Notebook (Debian's {@code jupyter-notebook}, see {@code scripts/ensure-jupyter.sh}) run as a host
 * process on a free loopback port, with base URL {@code /proxy/<proxyId>/jupyter} and a random token, in a temporary
 * directory that is deleted with everything it spawned on {@link #close()}.
 */
final class JupyterProcess implements AutoCloseable {

    static final Path EXECUTABLE = Path.of("/usr/bin/jupyter-notebook");

    final String proxyId;
    final String token;
    final int port;
    private final Path workDir;
    private final Process process;

    JupyterProcess() throws IOException, InterruptedException {
        if (!Files.isExecutable(EXECUTABLE)) {
            throw new IllegalStateException(EXECUTABLE + " missing: run scripts/ensure-jupyter.sh first");
        }
        SecureRandom random = new SecureRandom();
        proxyId = "it" + HexFormat.of().formatHex(random.generateSeed(6));
        byte[] secret = new byte[24];
        random.nextBytes(secret);
        token = HexFormat.of().formatHex(secret);
        port = freePort();
        workDir = Files.createTempDirectory("aapf-jupyter-it");
        process = start();
        awaitReady();
    }

    String urlPath() {
        return "/proxy/" + proxyId + "/jupyter";
    }

    private Process start() throws IOException {
        ProcessBuilder builder = new ProcessBuilder(List.of(EXECUTABLE.toString(),
                "--no-browser", "--allow-root", "--ip=127.0.0.1", "--port=" + port,
                "--NotebookApp.port_retries=0",
                "--NotebookApp.base_url=" + urlPath(),
                "--NotebookApp.token=" + token,
                "--NotebookApp.notebook_dir=" + workDir.resolve("notebooks")))
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(workDir.resolve("jupyter.log").toFile());
        Files.createDirectories(workDir.resolve("notebooks"));
        Map<String, String> env = builder.environment();
        env.put("HOME", workDir.toString());
        env.put("JUPYTER_CONFIG_DIR", workDir.resolve("config").toString());
        env.put("JUPYTER_DATA_DIR", workDir.resolve("data").toString());
        env.put("JUPYTER_RUNTIME_DIR", workDir.resolve("runtime").toString());
        env.put("IPYTHONDIR", workDir.resolve("ipython").toString());
        env.put("PATH", "/usr/bin:/bin");
        return builder.start();
    }

    private void awaitReady() throws IOException, InterruptedException {
        Instant deadline = Instant.now().plusSeconds(90);
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpRequest probe = HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + urlPath() + "/api")).timeout(Duration.ofSeconds(2)).build();
            while (Instant.now().isBefore(deadline)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("jupyter-notebook exited: " + log());
                }
                try {
                    if (client.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // still starting
                }
                Thread.sleep(250);
            }
        }
        throw new IllegalStateException("jupyter-notebook not ready after 90 s: " + log());
    }

    String log() throws IOException {
        return Files.readString(workDir.resolve("jupyter.log"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws IOException {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        children.forEach(ProcessHandle::destroyForcibly);
        try (Stream<Path> files = Files.walk(workDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
