package org.aapf.adapter.out.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Network;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.aapf.domain.cluster.ClusterId;

/**
 * Creates and removes the one bridge network per cluster on which its instances reach each other by name.
 *
 * <p>The engine does not make network names unique: two creates racing under one name can both succeed, and a name
 * that matches two networks is then refused by every container create ("ambiguous"). So creation is serialised per
 * cluster in this process (the reconciler applies a cluster's instances concurrently, and the reconciler lease keeps
 * other processes out), and a duplicate found anyway (an older engine, a process that lost its lease mid-call) is
 * removed, keeping the oldest.
 */
final class ClusterNetworks {

    private static final int REMOVE_ATTEMPTS = 10;
    private static final long REMOVE_RETRY_MILLIS = 200;

    private final DockerClient client;
    private final ContainerSpecs specs;
    private final String serverId;
    private final Map<String, Object> creating = new ConcurrentHashMap<>();

    ClusterNetworks(DockerClient client, ContainerSpecs specs, String serverId) {
        this.client = client;
        this.specs = specs;
        this.serverId = serverId;
    }

    /** Makes exactly one network of the cluster exist; a concurrent creation by another process is fine. */
    void ensure(ClusterId cluster) {
        String name = specs.networkName(cluster);
        Object lock = creating.computeIfAbsent(name, key -> new Object());
        synchronized (lock) {
            List<Network> existing = named(name);
            if (existing.isEmpty()) {
                create(cluster, name);
                existing = named(name);
            }
            existing.stream().sorted(Comparator.comparing(Network::getCreated, Comparator.nullsLast(
                    Comparator.naturalOrder()))).skip(1).filter(this::ours).forEach(this::removeDuplicate);
        }
    }

    /** Removes every network of the cluster that is ours; waits briefly for endpoints still detaching. */
    void remove(ClusterId cluster) {
        String name = specs.networkName(cluster);
        for (int attempt = 1; ; attempt++) {
            List<Network> networks = named(name).stream().filter(this::ours).toList();
            if (networks.isEmpty()) {
                creating.remove(name);
                return;
            }
            try {
                networks.forEach(network -> removeNetwork(network.getId()));
            } catch (DockerException e) {
                if (attempt >= REMOVE_ATTEMPTS) {
                    throw e;
                }
                pause();
            }
        }
    }

    private void create(ClusterId cluster, String name) {
        try {
            client.createNetworkCmd().withName(name).withDriver("bridge").withCheckDuplicate(true)
                    .withLabels(specs.networkLabels(cluster)).exec();
        } catch (ConflictException e) {
            // created meanwhile by another process
        }
    }

    /** A duplicate has no containers yet (creates naming it were refused); one that has is left to its cluster. */
    private void removeDuplicate(Network network) {
        try {
            removeNetwork(network.getId());
        } catch (DockerException e) {
            // in use after all: remove(cluster) takes it with the cluster
        }
    }

    private void removeNetwork(String id) {
        try {
            client.removeNetworkCmd(id).exec();
        } catch (NotFoundException e) {
            // already gone
        }
    }

    /** The networks with exactly this name (the engine's name filter matches substrings). */
    private List<Network> named(String name) {
        return client.listNetworksCmd().withNameFilter(name).exec().stream()
                .filter(network -> name.equals(network.getName())).toList();
    }

    private boolean ours(Network network) {
        Map<String, String> labels = network.getLabels() == null ? Map.of() : network.getLabels();
        return serverId.equals(labels.get(OwnedLabels.SERVER));
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
