package org.aapf.adapter.out.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Network;
import java.util.Map;
import java.util.Optional;
import org.aapf.domain.cluster.ClusterId;

/** Creates and removes the one bridge network per cluster on which its instances reach each other by name. */
final class ClusterNetworks {

    private static final int REMOVE_ATTEMPTS = 10;
    private static final long REMOVE_RETRY_MILLIS = 200;

    private final DockerClient client;
    private final ContainerSpecs specs;
    private final String serverId;

    ClusterNetworks(DockerClient client, ContainerSpecs specs, String serverId) {
        this.client = client;
        this.specs = specs;
        this.serverId = serverId;
    }

    /** Creates the cluster's network unless it exists; a concurrent creation by another process is fine. */
    void ensure(ClusterId cluster) {
        String name = specs.networkName(cluster);
        if (inspect(name).isPresent()) {
            return;
        }
        try {
            client.createNetworkCmd().withName(name).withDriver("bridge").withCheckDuplicate(true)
                    .withLabels(specs.networkLabels(cluster)).exec();
        } catch (ConflictException e) {
            // created meanwhile by a concurrent apply
        }
    }

    /** Removes the cluster's network if it exists and is ours; waits briefly for endpoints still detaching. */
    void remove(ClusterId cluster) {
        String name = specs.networkName(cluster);
        for (int attempt = 1; ; attempt++) {
            Optional<Network> network = inspect(name)
                    .filter(n -> serverId.equals(labels(n).get(OwnedLabels.SERVER)));
            if (network.isEmpty()) {
                return;
            }
            try {
                client.removeNetworkCmd(network.get().getId()).exec();
                return;
            } catch (NotFoundException e) {
                return;
            } catch (DockerException e) {
                if (attempt >= REMOVE_ATTEMPTS) {
                    throw e;
                }
                pause();
            }
        }
    }

    private Optional<Network> inspect(String name) {
        try {
            return Optional.of(client.inspectNetworkCmd().withNetworkId(name).exec());
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    private static Map<String, String> labels(Network network) {
        return network.getLabels() == null ? Map.of() : network.getLabels();
    }

    private static void pause() {
        try {
            Thread.sleep(REMOVE_RETRY_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while removing a network", e);
        }
    }
}
