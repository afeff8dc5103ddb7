package org.aapf.adapter.out.k8s;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.aapf.domain.user.UserId;

/**
 * How the Kubernetes backend places and reaches AACluster instances.
 *
 * @param namespaceMode one shared namespace, or one namespace per user
 * @param namespace the shared namespace's name ({@code SHARED}), or the prefix of every per-user namespace
 *     ({@code PER_USER}); the per-user name is the prefix followed by the user id, shortened with a hash if needed
 * @param serverId this AAPF server's id: every object carries it as the {@code aapf.org/server} label
 * @param endpointMode how the AAPF server reaches instances: through their Service's cluster DNS name (AAPF runs
 *     in the cluster) or their pod IP (AAPF runs outside the cluster but on its pod network)
 * @param resync how often the informer replays every pod to the watchers, the safety net for lost events
 * @param kubeconfig a kubeconfig file to use; empty means the in-cluster service account or the default config
 * @param clusterDomain the cluster's DNS domain, used for the search path that lets instances reach each other by
 *     hostname (usually {@code cluster.local})
 * @param workspaces the PersistentVolumeClaim each cluster's notebook workspace gets
 */
public record KubernetesSettings(NamespaceMode namespaceMode, String namespace, String serverId,
        EndpointMode endpointMode, Duration resync, Optional<Path> kubeconfig, String clusterDomain,
        WorkspaceStorage workspaces) {

    private static final Pattern LABEL_VALUE = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    private static final Pattern DNS_PREFIX = Pattern.compile("[a-z][-a-z0-9]{0,29}");
    private static final Pattern DOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9.]*[a-z0-9])?");

    public KubernetesSettings {
        Objects.requireNonNull(namespaceMode, "'namespaceMode' must not be null");
        Objects.requireNonNull(endpointMode, "'endpointMode' must not be null");
        Objects.requireNonNull(kubeconfig, "'kubeconfig' must not be null");
        if (namespace == null || !validNamespace(namespaceMode, namespace)) {
            throw new IllegalArgumentException(namespaceMode == NamespaceMode.SHARED
                    ? "'namespace' must be a DNS-1123 label"
                    : "'namespace' (prefix) must be 1-30 characters of a-z, 0-9 and '-', starting with a letter");
        }
        if (serverId == null || !LABEL_VALUE.matcher(serverId).matches()) {
            throw new IllegalArgumentException("'serverId' must be 1-63 characters of a-z, 0-9 and '-'");
        }
        if (resync == null || resync.isNegative() || resync.isZero()) {
            throw new IllegalArgumentException("'resync' must be > 0");
        }
        if (clusterDomain == null || !DOMAIN.matcher(clusterDomain).matches()) {
            throw new IllegalArgumentException("'clusterDomain' must be a DNS domain such as cluster.local");
        }
        Objects.requireNonNull(workspaces, "'workspaces' must not be null");
    }

    /** Settings whose workspaces use the cluster's default StorageClass and {@link WorkspaceStorage#defaults()}. */
    public KubernetesSettings(NamespaceMode namespaceMode, String namespace, String serverId,
            EndpointMode endpointMode, Duration resync, Optional<Path> kubeconfig, String clusterDomain) {
        this(namespaceMode, namespace, serverId, endpointMode, resync, kubeconfig, clusterDomain,
                WorkspaceStorage.defaults());
    }

    /** Settings for one shared namespace, endpoints by Service DNS, a 5-minute resync and the default config. */
    public static KubernetesSettings shared(String namespace, String serverId) {
        return new KubernetesSettings(NamespaceMode.SHARED, namespace, serverId, EndpointMode.SERVICE_DNS,
                Duration.ofMinutes(5), Optional.empty(), "cluster.local");
    }

    /** The namespace the instances of this user live in. */
    public String namespaceFor(UserId owner) {
        return namespaceMode == NamespaceMode.SHARED ? namespace : Names.label(namespace, owner.toString());
    }

    /** The same settings for another AAPF server id. */
    public KubernetesSettings withServerId(String id) {
        return new KubernetesSettings(namespaceMode, namespace, id, endpointMode, resync, kubeconfig, clusterDomain,
                workspaces);
    }

    private static boolean validNamespace(NamespaceMode mode, String value) {
        return mode == NamespaceMode.SHARED ? LABEL_VALUE.matcher(value).matches()
                : DNS_PREFIX.matcher(value).matches();
    }

    /** Where instances are placed. */
    public enum NamespaceMode {
        /** Every instance in the one configured namespace. */
        SHARED,
        /** One namespace per user, named from the configured prefix and the user id. */
        PER_USER
    }

    /** How the AAPF server reaches an instance's HTTP port. */
    public enum EndpointMode {
        /** {@code <service>.<namespace>.svc}: AAPF runs inside the cluster. */
        SERVICE_DNS,
        /** The pod IP: AAPF runs outside the cluster but can route to the pod network. */
        POD_IP
    }
}
