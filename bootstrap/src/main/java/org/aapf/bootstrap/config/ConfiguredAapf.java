package org.aapf.bootstrap.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.aapf.adapter.in.http.HttpSettings;
import org.aapf.adapter.in.http.proxy.ProxySettings;
import org.aapf.adapter.out.docker.DockerSettings;
import org.aapf.adapter.out.k8s.KubernetesSettings;
import org.aapf.adapter.out.k8s.WorkspaceStorage;
import org.aapf.adapter.out.k8s.KubernetesSettings.EndpointMode;
import org.aapf.adapter.out.k8s.KubernetesSettings.NamespaceMode;
import org.aapf.adapter.out.persistence.DatabaseSettings;
import org.aapf.application.service.account.AccountSettings;
import org.aapf.application.service.cluster.ClusterLimits;
import org.aapf.application.service.cluster.ReconcilerSettings;
import org.aapf.embedded.Aapf;
import org.aapf.embedded.AapfBuilder;

/** Turns the server's YAML configuration into the embedded {@link Aapf} it runs (the server is one embedder). */
public final class ConfiguredAapf {

    private static final String DOCKER = "docker";
    private static final String KUBERNETES = "kubernetes";

    private ConfiguredAapf() {
    }

    /**
     * A builder set from {@code config}, its backend included; a caller may still replace the backend.
     *
     * @throws ConfigException for a backend type this server cannot run
     */
    public static AapfBuilder builder(AapfConfig config, Map<String, String> environment) {
        AapfBuilder builder = Aapf.builder()
                .database(databaseSettings(config))
                .accountSettings(new AccountSettings(config.auth().accessTokenTtl(), config.auth().refreshTokenTtl(),
                        AccountSettings.LoginThrottling.defaults()))
                .tokenIssuer(config.auth().issuer())
                .httpSettings(new HttpSettings(config.http().maxBodyBytes(), config.http().timeZone(),
                        config.http().trustForwardedFor()))
                .proxySettings(new ProxySettings(config.proxy().connectTimeout(), config.proxy().idleTimeout(),
                        Set.copyOf(config.proxy().allowedOrigins())))
                .clusterLimits(new ClusterLimits(config.clusters().maxSparkWorkers()))
                .reconcilerSettings(ReconcilerSettings.defaults()
                        .withResyncInterval(config.clusters().resyncInterval())
                        .withLeaseTtl(config.clusters().leaseTtl()));
        if (!config.metrics().token().isEmpty()) {
            builder.metricsToken(config.metrics().token());
        }
        if (!config.auth().jwtSecret().isEmpty()) {
            builder.jwtSecret(config.auth().jwtSecret());
        }
        if (!config.serverId().isEmpty()) {
            builder.serverId(config.serverId());
        }
        if (!config.catalogue().isEmpty()) {
            builder.catalogue(Path.of(config.catalogue()));
        }
        return switch (config.backend().type()) {
            case DOCKER -> builder.dockerBackend(dockerSettings(config.backend().docker(), environment));
            case KUBERNETES -> builder.kubernetesBackend(kubernetesSettings(config.backend().kubernetes()));
            default -> throw new ConfigException("Unknown backend '" + config.backend().type() + "' in 'backend.type'"
                    + " (AAPF_BACKEND): use " + DOCKER + " or " + KUBERNETES);
        };
    }

    /**
     * A warning for a server that may be one of several replicas yet keeps its data in the embedded H2 database: in a
     * Kubernetes pod (the kubelet sets {@code KUBERNETES_SERVICE_HOST} in every pod) a Deployment may run more than
     * one, each with a database of its own. Replicas must share one PostgreSQL database: its reconciler lease lets one
     * act at a time, while replicas with separate databases but one server id would take each other's pods for
     * orphans and remove them. The replica count itself cannot be known here (that would need access to the
     * Deployment), hence a warning rather than a refusal.
     */
    public static Optional<String> replicaWarning(AapfConfig config, Map<String, String> environment) {
        if (!config.database().url().isEmpty() || !environment.containsKey("KUBERNETES_SERVICE_HOST")) {
            return Optional.empty();
        }
        return Optional.of("AAPF runs in a Kubernetes pod on the embedded H2 database under " + config.dataDir()
                + ", which only this pod can see: run exactly one replica, or set 'database.url' (AAPF_DB_URL) to a"
                + " PostgreSQL database shared by every replica. Replicas with separate databases remove each other's"
                + " pods.");
    }

    /** The Kubernetes settings; the server id comes later. */
    private static KubernetesSettings kubernetesSettings(AapfConfig.Kubernetes k8s) {
        return new KubernetesSettings(
                "per-user".equals(k8s.namespaceMode()) ? NamespaceMode.PER_USER : NamespaceMode.SHARED,
                k8s.namespace(), "aapf",
                "pod-ip".equals(k8s.endpointMode()) ? EndpointMode.POD_IP : EndpointMode.SERVICE_DNS,
                k8s.resync(), Optional.of(k8s.kubeconfig()).filter(path -> !path.isEmpty()).map(Path::of),
                k8s.clusterDomain(), workspaceStorage(k8s.workspace()));
    }

    private static WorkspaceStorage workspaceStorage(AapfConfig.Workspace workspace) {
        Map<String, WorkspaceStorage> byImage = new HashMap<>();
        workspace.byImage().forEach((image, storage) -> byImage.put(image, workspaceStorage(storage)));
        return new WorkspaceStorage(Optional.of(workspace.storageClass()).filter(name -> !name.isEmpty()),
                workspace.size(), byImage);
    }

    private static DatabaseSettings databaseSettings(AapfConfig config) {
        AapfConfig.Database db = config.database();
        if (db.url().isEmpty()) {
            DatabaseSettings h2 = DatabaseSettings.h2File(config.dataDir());
            return new DatabaseSettings(h2.jdbcUrl(), h2.user(), h2.password(), db.maxPoolSize());
        }
        return new DatabaseSettings(db.url(), db.user(), db.password(), db.maxPoolSize());
    }

    /** Docker's own variables, with {@code backend.docker.host} over {@code DOCKER_HOST}; the server id comes later. */
    private static DockerSettings dockerSettings(AapfConfig.Docker docker, Map<String, String> environment) {
        Map<String, String> variables = new HashMap<>(environment);
        if (!docker.host().isEmpty()) {
            variables.put("DOCKER_HOST", URI.create(docker.host()).toString());
        }
        return DockerSettings.fromEnvironment(variables, "aapf")
                .withEndpointMode("container-network".equals(docker.endpointMode())
                        ? DockerSettings.EndpointMode.CONTAINER_NETWORK
                        : DockerSettings.EndpointMode.LOOPBACK_PUBLISHED)
                .withPullMissingImages(docker.pullMissingImages());
    }
}
