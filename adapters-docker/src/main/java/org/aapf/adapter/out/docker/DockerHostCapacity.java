package org.aapf.adapter.out.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Info;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.aapf.application.port.out.BackendCapacity;
import org.aapf.application.port.out.HostCapacity;

/**
 * The Docker engine's machine as one host ({@code docker info}: {@code NCPU}, {@code MemTotal}); GPUs only when the
 * engine has the {@code nvidia} runtime, and then as many as one instance may ask for (the engine does not count them).
 */
final class DockerHostCapacity implements BackendCapacity {

    static final String HOST_NAME = "the Docker host";
    private static final String NVIDIA_RUNTIME = "nvidia";
    private static final System.Logger LOG = System.getLogger(DockerHostCapacity.class.getName());
    private static final long MIB = 1024 * 1024;

    private final DockerClient client;

    DockerHostCapacity(DockerClient client) {
        this.client = client;
    }

    @Override
    public Optional<List<HostCapacity>> hosts() {
        try {
            return Optional.of(List.of(host(client.infoCmd().exec())));
        } catch (RuntimeException e) {
            LOG.log(Level.DEBUG, "docker info failed; every performance type stays offered: {0}", e.getMessage());
            return Optional.empty();
        }
    }

    static HostCapacity host(Info info) {
        long cpus = info.getNCPU() == null ? 0 : info.getNCPU();
        long memory = info.getMemTotal() == null ? 0 : info.getMemTotal() / MIB;
        Map<String, ?> runtimes = info.getRuntimes();
        long gpus = runtimes != null && runtimes.containsKey(NVIDIA_RUNTIME) ? Integer.MAX_VALUE : 0;
        return new HostCapacity(HOST_NAME, cpus * 1000, memory, gpus);
    }
}
