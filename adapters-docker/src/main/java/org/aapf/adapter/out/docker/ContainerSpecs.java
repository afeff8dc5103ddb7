package org.aapf.adapter.out.docker;

import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.DeviceRequest;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Mount;
import com.github.dockerjava.api.model.MountType;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.aapf.adapter.out.docker.DockerSettings.EndpointMode;
import org.aapf.application.port.out.DesiredInstance;
import org.aapf.application.port.out.InstanceRef;
import org.aapf.domain.catalogue.Resources;
import org.aapf.domain.cluster.ClusterId;

/**
 * Turns a {@link DesiredInstance} into a hardened {@link ContainerSpec} (names, labels, limits, ports, network) for
 * one AAPF server; pure, so every rule is unit-tested without an engine (kubespawner's {@code objects.py} for Docker).
 */
final class ContainerSpecs {

    /** The loopback address published ports bind to: instances are never reachable from other hosts. */
    static final String LOOPBACK = "127.0.0.1";
    private static final long MIB = 1024L * 1024L;
    private static final int HASH_CHARS = 12;

    private final String serverId;
    private final EndpointMode endpointMode;
    private final long pidsLimit;

    ContainerSpecs(String serverId, EndpointMode endpointMode, long pidsLimit) {
        this.serverId = Objects.requireNonNull(serverId, "'serverId' must not be null");
        this.endpointMode = Objects.requireNonNull(endpointMode, "'endpointMode' must not be null");
        this.pidsLimit = pidsLimit;
    }

    ContainerSpecs(DockerSettings settings) {
        this(settings.serverId(), settings.endpointMode(), settings.pidsLimit());
    }

    /** {@code aapf-<service>-<index>-<hash>}: stable for the ref, unique per server, never the user's cluster name. */
    String containerName(InstanceRef ref) {
        String slug = ref.service().apiName() + "-" + ref.index();
        return "aapf-" + slug + "-" + hash(serverId, ref.cluster().toString(), ref.service().apiName(),
                Integer.toString(ref.index()));
    }

    /** {@code aapf-net-<hash>}: the cluster's own bridge network, so its instances reach each other by name. */
    String networkName(ClusterId cluster) {
        return "aapf-net-" + hash(serverId, cluster.toString());
    }

    /** {@code aapf-ws-<hash>}: the cluster's workspace volume, named like its network (never the cluster's name). */
    String workspaceName(ClusterId cluster) {
        return "aapf-ws-" + hash(serverId, cluster.toString());
    }

    /** The labels of a workspace volume: server, cluster and owner, like the containers, and the mount path. */
    Map<String, String> workspaceLabels(DesiredInstance desired) {
        return Map.of(OwnedLabels.SERVER, serverId, OwnedLabels.CLUSTER, desired.ref().cluster().toString(),
                OwnedLabels.OWNER, desired.owner().toString(),
                OwnedLabels.WORKSPACE, desired.workspacePath().orElseThrow());
    }

    /** The labels marking the cluster network as this server's. */
    Map<String, String> networkLabels(ClusterId cluster) {
        return Map.of(OwnedLabels.SERVER, serverId, OwnedLabels.CLUSTER, cluster.toString());
    }

    ContainerSpec spec(DesiredInstance desired) {
        String name = containerName(desired.ref());
        List<String> aliases = new ArrayList<>(List.of(name));
        desired.hostname().ifPresent(aliases::add);
        ExposedPort port = ExposedPort.tcp(desired.httpPort());
        return new ContainerSpec(name, desired.image(), labels(desired), desired.command(), env(desired.env()), port,
                hostConfig(desired, port), networkName(desired.ref().cluster()), aliases, desired.specHash());
    }

    Map<String, String> labels(DesiredInstance desired) {
        InstanceRef ref = desired.ref();
        Map<String, String> labels = new TreeMap<>();
        labels.put(OwnedLabels.SERVER, serverId);
        labels.put(OwnedLabels.CLUSTER, ref.cluster().toString());
        labels.put(OwnedLabels.SERVICE, ref.service().apiName());
        labels.put(OwnedLabels.INDEX, Integer.toString(ref.index()));
        labels.put(OwnedLabels.OWNER, desired.owner().toString());
        labels.put(OwnedLabels.SPEC_HASH, desired.specHash());
        labels.put(OwnedLabels.HTTP_PORT, Integer.toString(desired.httpPort()));
        desired.healthPath().ifPresent(path -> labels.put(OwnedLabels.HEALTH_PATH, path));
        return labels;
    }

    private HostConfig hostConfig(DesiredInstance desired, ExposedPort port) {
        Resources resources = desired.resources();
        long memory = resources.memoryMiB() * MIB;
        HostConfig config = HostConfig.newHostConfig()
                .withNanoCPUs(Math.round(resources.cpu() * 1_000_000_000L))
                .withMemory(memory)
                .withMemorySwap(memory) // equal to Memory: no swap on top of the limit
                .withPidsLimit(pidsLimit)
                .withCapDrop(Capability.ALL)
                .withSecurityOpts(List.of("no-new-privileges"))
                .withNetworkMode(networkName(desired.ref().cluster()));
        if (endpointMode == EndpointMode.LOOPBACK_PUBLISHED) {
            config.withPortBindings(new PortBinding(Ports.Binding.bindIp(LOOPBACK), port));
        }
        desired.workspacePath().ifPresent(path -> config.withMounts(List.of(new Mount().withType(MountType.VOLUME)
                .withSource(workspaceName(desired.ref().cluster())).withTarget(path))));
        if (resources.gpuCount() > 0) {
            config.withDeviceRequests(List.of(new DeviceRequest().withDriver("nvidia")
                    .withCount(resources.gpuCount()).withCapabilities(List.of(List.of("gpu")))));
        }
        return config;
    }

    private static List<String> env(Map<String, String> env) {
        return new TreeMap<>(env).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
    }

    private static String hash(String... parts) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(String.join("\u0000", parts).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, HASH_CHARS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
