package org.aapf.adapter.out.k8s;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerPortBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSecurityContextBuilder;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.aapf.application.port.out.DesiredInstance;
import org.aapf.domain.catalogue.Resources;

/**
 * The pod of one instance: one container with the performance type's requests and limits, hardened to pass the Pod
 * Security "restricted" profile, with a readiness probe on the health path.
 */
final class PodManifests {

    static final String GPU = "nvidia.com/gpu";
    static final long RUN_AS_USER = 1000L;
    /** The pod volume holding the cluster's workspace claim. */
    static final String WORKSPACE = "workspace";
    /** The {@code users} group of the Jupyter Docker Stacks images, which own the notebook's home directory. */
    static final long RUN_AS_GROUP = 100L;
    private static final String RUNTIME_DEFAULT = "RuntimeDefault";

    private PodManifests() {
    }

    /** The pod of {@code desired}, owned by the cluster's root object. */
    static Pod pod(String serverId, String namespace, String clusterDomain, DesiredInstance desired,
            OwnerReference root) {
        String search = ClusterManifests.searchDomain(serverId, desired.ref().cluster(), namespace, clusterDomain);
        return new PodBuilder()
                .withNewMetadata()
                    .withName(Names.instance(serverId, desired.ref()))
                    .withNamespace(namespace)
                    .withLabels(Labels.owned(serverId, desired))
                    .withAnnotations(Map.of(Labels.SPEC_HASH, desired.specHash()))
                    .withOwnerReferences(root)
                .endMetadata()
                .withNewSpec()
                    .withRestartPolicy("Always")
                    .withAutomountServiceAccountToken(false)
                    .withEnableServiceLinks(false)
                    .withHostname(desired.hostname().map(name -> Names.slug(name, Names.MAX_LENGTH)).orElse(null))
                    .withSubdomain(desired.hostname()
                            .map(name -> ClusterManifests.subdomainName(serverId, desired.ref().cluster()))
                            .orElse(null))
                    .withNewDnsConfig().withSearches(search).endDnsConfig()
                    .withSecurityContext(podSecurity())
                    .withContainers(container(desired))
                    .withVolumes(desired.workspacePath().map(path -> List.of(new VolumeBuilder().withName(WORKSPACE)
                            .withNewPersistentVolumeClaim().withClaimName(Names.workspace(serverId,
                                    desired.ref().cluster())).endPersistentVolumeClaim().build()))
                            .orElse(List.of()))
                .endSpec()
                .build();
    }

    private static Container container(DesiredInstance desired) {
        ContainerBuilder container = new ContainerBuilder()
                .withName(desired.ref().service().apiName())
                .withImage(desired.image())
                .withImagePullPolicy("IfNotPresent")
                .withEnv(env(desired.env()))
                .withPorts(new ContainerPortBuilder().withName("http").withContainerPort(desired.httpPort())
                        .withProtocol("TCP").build())
                .withResources(resources(desired.resources()))
                .withSecurityContext(containerSecurity());
        if (!desired.command().isEmpty()) {
            container.withCommand(desired.command());
        }
        desired.healthPath().ifPresent(path -> container.withReadinessProbe(readiness(path, desired.httpPort())));
        desired.workspacePath().ifPresent(path -> container.withVolumeMounts(new VolumeMountBuilder()
                .withName(WORKSPACE).withMountPath(path).build()));
        return container.build();
    }

    private static List<EnvVar> env(Map<String, String> env) {
        return new TreeMap<>(env).entrySet().stream()
                .map(entry -> new EnvVar(entry.getKey(), entry.getValue(), null))
                .toList();
    }

    /** Requests equal limits (Guaranteed QoS): an instance gets exactly what its performance type promises. */
    static ResourceRequirements resources(Resources resources) {
        Map<String, Quantity> amounts = new LinkedHashMap<>();
        amounts.put("cpu", new Quantity(Math.max(1, Math.round(resources.cpu() * 1000)) + "m"));
        amounts.put("memory", new Quantity(resources.memoryMiB() + "Mi"));
        Map<String, Quantity> limits = new LinkedHashMap<>(amounts);
        if (resources.gpuCount() > 0) {
            // extended resources are set as limits; Kubernetes copies them to the requests
            limits.put(GPU, new Quantity(Integer.toString(resources.gpuCount())));
        }
        return new ResourceRequirementsBuilder().withRequests(amounts).withLimits(limits).build();
    }

    private static Probe readiness(String path, int port) {
        return new ProbeBuilder()
                .withNewHttpGet().withPath(path).withPort(new IntOrString(port)).endHttpGet()
                .withInitialDelaySeconds(2)
                .withPeriodSeconds(5)
                .withTimeoutSeconds(3)
                .withFailureThreshold(3)
                .build();
    }

    private static PodSecurityContext podSecurity() {
        return new PodSecurityContextBuilder()
                .withRunAsNonRoot(true)
                .withRunAsUser(RUN_AS_USER)
                .withRunAsGroup(RUN_AS_GROUP)
                .withFsGroup(RUN_AS_GROUP)
                .withNewSeccompProfile().withType(RUNTIME_DEFAULT).endSeccompProfile()
                .build();
    }

    private static SecurityContext containerSecurity() {
        return new SecurityContextBuilder()
                .withRunAsNonRoot(true)
                .withRunAsUser(RUN_AS_USER)
                .withAllowPrivilegeEscalation(false)
                .withPrivileged(false)
                .withNewCapabilities().withDrop("ALL").endCapabilities()
                .withNewSeccompProfile().withType(RUNTIME_DEFAULT).endSeccompProfile()
                .build();
    }
}
