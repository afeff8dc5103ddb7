package org.aapf.adapter.out.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.DeviceRequest;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Ports;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.aapf.adapter.out.docker.DockerSettings.EndpointMode;
import org.aapf.application.port.out.DesiredInstance;
import org.aapf.application.port.out.InstanceRef;
import org.aapf.domain.catalogue.Resources;
import org.aapf.domain.cluster.ClusterId;
import org.aapf.domain.cluster.ServiceKind;
import org.aapf.domain.user.UserId;
import org.junit.jupiter.api.Test;

class ContainerSpecsTest {

    private static final ClusterId CLUSTER = new ClusterId(UUID.fromString("7f1c2a9e-0000-4000-8000-000000000001"));
    private static final UserId OWNER = new UserId(UUID.fromString("0b5e7d3c-0000-4000-8000-000000000002"));
    private static final InstanceRef NOTEBOOK = new InstanceRef(CLUSTER, ServiceKind.JUPYTER_NOTEBOOK, 1);

    private final ContainerSpecs specs = new ContainerSpecs("server-a", EndpointMode.LOOPBACK_PUBLISHED, 256);

    @Test
    void containerName_isDeterministicSlugPlusHash() {
        String name = specs.containerName(NOTEBOOK);

        assertEquals(name, specs.containerName(new InstanceRef(CLUSTER, ServiceKind.JUPYTER_NOTEBOOK, 1)));
        assertTrue(name.matches("aapf-jupyter-notebook-1-[0-9a-f]{12}"), name);
        assertTrue(name.length() <= 63, name);
    }

    @Test
    void containerName_differsByServerClusterServiceAndIndex() {
        String name = specs.containerName(NOTEBOOK);

        assertNotEquals(name, new ContainerSpecs("server-b", EndpointMode.LOOPBACK_PUBLISHED, 256)
                .containerName(NOTEBOOK));
        assertNotEquals(name, specs.containerName(new InstanceRef(ClusterId.random(), ServiceKind.JUPYTER_NOTEBOOK, 1)));
        assertNotEquals(specs.containerName(new InstanceRef(CLUSTER, ServiceKind.SPARK_WORKER, 1)),
                specs.containerName(new InstanceRef(CLUSTER, ServiceKind.SPARK_WORKER, 2)));
    }

    @Test
    void longestName_staysWithin63Characters() {
        String name = specs.containerName(new InstanceRef(CLUSTER, ServiceKind.SPARK_WORKER, Integer.MAX_VALUE));

        assertTrue(name.length() <= 63, name);
    }

    @Test
    void networkName_isPerClusterAndPerServer() {
        assertTrue(specs.networkName(CLUSTER).matches("aapf-net-[0-9a-f]{12}"));
        assertEquals(specs.networkName(CLUSTER), specs.networkName(new ClusterId(CLUSTER.value())));
        assertNotEquals(specs.networkName(CLUSTER), specs.networkName(ClusterId.random()));
    }

    @Test
    void labelsMarkServerClusterServiceIndexOwnerAndSpecHash() {
        DesiredInstance desired = notebook(new Resources(1, 512, Optional.empty()));

        Map<String, String> labels = specs.spec(desired).labels();

        assertEquals("server-a", labels.get("org.aapf.server"));
        assertEquals(CLUSTER.toString(), labels.get("org.aapf.cluster"));
        assertEquals("jupyter-notebook", labels.get("org.aapf.service"));
        assertEquals("1", labels.get("org.aapf.index"));
        assertEquals(OWNER.toString(), labels.get("org.aapf.owner"));
        assertEquals(desired.specHash(), labels.get("org.aapf.spec-hash"));
        assertEquals("/proxy/p1/api", labels.get("org.aapf.health-path"));
        assertEquals(Optional.of(NOTEBOOK), OwnedLabels.ref(labels));
    }

    @Test
    void limitsComeFromResources() {
        HostConfig host = specs.spec(notebook(new Resources(1.5, 2048, Optional.empty()))).hostConfig();

        assertEquals(1_500_000_000L, host.getNanoCPUs());
        assertEquals(2048L * 1024 * 1024, host.getMemory());
        assertEquals(host.getMemory(), host.getMemorySwap());
        assertEquals(256L, host.getPidsLimit());
        assertNull(host.getDeviceRequests());
    }

    @Test
    void gpus_becomeAnNvidiaDeviceRequest() {
        HostConfig host = specs.spec(notebook(new Resources(4, 8192, Optional.of(2)))).hostConfig();

        DeviceRequest request = host.getDeviceRequests().get(0);
        assertEquals("nvidia", request.getDriver());
        assertEquals(2, request.getCount());
        assertEquals(List.of(List.of("gpu")), request.getCapabilities());
    }

    @Test
    void containerIsHardenedAndNeverGetsTheDockerSocket() {
        HostConfig host = specs.spec(notebook(new Resources(1, 512, Optional.empty()))).hostConfig();

        assertEquals(List.of(Capability.ALL), List.of(host.getCapDrop()));
        assertEquals(List.of("no-new-privileges"), host.getSecurityOpts());
        assertFalse(Boolean.TRUE.equals(host.getPrivileged()));
        assertTrue(host.getBinds() == null || host.getBinds().length == 0);
        assertTrue(host.getMounts() == null || host.getMounts().isEmpty());
    }

    @Test
    void httpPort_isPublishedOnLoopbackWithAnEphemeralHostPort() {
        ContainerSpec spec = specs.spec(notebook(new Resources(1, 512, Optional.empty())));

        Ports.Binding[] bindings = spec.hostConfig().getPortBindings().getBindings().get(ExposedPort.tcp(8888));
        assertEquals(1, bindings.length);
        assertEquals("127.0.0.1", bindings[0].getHostIp());
        assertNull(bindings[0].getHostPortSpec());
        assertEquals(ExposedPort.tcp(8888), spec.httpPort());
    }

    @Test
    void containerNetworkMode_publishesNoPort() {
        ContainerSpecs inNetwork = new ContainerSpecs("server-a", EndpointMode.CONTAINER_NETWORK, 256);

        HostConfig host = inNetwork.spec(notebook(new Resources(1, 512, Optional.empty()))).hostConfig();

        assertTrue(host.getPortBindings() == null || host.getPortBindings().getBindings().isEmpty());
    }

    @Test
    void clusterNetwork_andHostnameAlias() {
        DesiredInstance master = new DesiredInstance(new InstanceRef(CLUSTER, ServiceKind.SPARK_MASTER, 1), OWNER,
                "aapf/spark:3", List.of(), Map.of(), new Resources(1, 512, Optional.empty()), 8080, Optional.empty(),
                Optional.of("spark-master"));

        ContainerSpec spec = specs.spec(master);

        assertEquals(specs.networkName(CLUSTER), spec.network());
        assertEquals(spec.network(), spec.hostConfig().getNetworkMode());
        assertTrue(spec.networkAliases().contains("spark-master"));
    }

    @Test
    void envAndCommandAreCarriedOver() {
        ContainerSpec spec = specs.spec(notebook(new Resources(1, 512, Optional.empty())));

        assertEquals(List.of("A=1", "B=two"), spec.env());
        assertEquals(List.of("jupyter-notebook", "--NotebookApp.base_url=/proxy/p1"), spec.command());
        assertEquals("aapf/jupyter-notebook:6.4", spec.image());
    }

    @Test
    void userClusterName_neverAppears() {
        ContainerSpec spec = specs.spec(notebook(new Resources(1, 512, Optional.empty())));

        assertFalse(spec.name().contains(CLUSTER.toString()));
        assertFalse(spec.network().contains(CLUSTER.toString()));
    }

    @Test
    void notebookWithAWorkspace_mountsTheClustersLabelledVolumeAtItsPath() {
        DesiredInstance plain = notebook(new Resources(1, 512, Optional.empty()));
        DesiredInstance desired = new DesiredInstance(plain.ref(), plain.owner(), plain.image(), plain.command(),
                plain.env(), plain.resources(), plain.httpPort(), plain.healthPath(), plain.hostname(),
                Optional.of("/home/jovyan"));

        ContainerSpec spec = specs.spec(desired);

        var mount = spec.hostConfig().getMounts().getFirst();
        assertEquals(specs.workspaceName(CLUSTER), mount.getSource());
        assertEquals("/home/jovyan", mount.getTarget());
        assertTrue(specs.workspaceName(CLUSTER).matches("aapf-ws-[0-9a-f]{12}"));
        assertEquals(Map.of(OwnedLabels.SERVER, "server-a", OwnedLabels.CLUSTER, CLUSTER.toString(),
                OwnedLabels.OWNER, OWNER.toString(), OwnedLabels.WORKSPACE, "/home/jovyan"),
                specs.workspaceLabels(desired));
        assertNull(specs.spec(plain).hostConfig().getMounts(), "no workspace, no mount");
        assertNotEquals(specs.spec(plain).specHash(), spec.specHash());
    }

    private static DesiredInstance notebook(Resources resources) {
        return new DesiredInstance(NOTEBOOK, OWNER, "aapf/jupyter-notebook:6.4",
                List.of("jupyter-notebook", "--NotebookApp.base_url=/proxy/p1"), Map.of("B", "two", "A", "1"),
                resources, 8888, Optional.of("/proxy/p1/api"), Optional.empty());
    }
}
