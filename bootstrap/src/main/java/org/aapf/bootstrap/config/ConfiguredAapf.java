package org.aapf.bootstrap.config;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.aapf.adapter.in.http.HttpSettings;
import org.aapf.adapter.in.http.gateway.ProxySettings;
import org.aapf.adapter.out.docker.DockerSettings;
import org.aapf.adapter.out.k8s.KubernetesSettings;
import org.aapf.adapter.out.k8s.WorkspaceStorage;
import org.aapf.adapter.out.k8s.KubernetesSettings.EndpointMode;
import org.aapf.adapter.out.k8s.KubernetesSettings.NamespaceMode;
import org.aapf.adapter.out.persistence.DatabaseSettings;
import org.aapf.adapter.out.security.OidcSettings;
import org.aapf.application.service.account.AccountSettings;
import org.aapf.application.service.audit.RetentionSettings;
import org.aapf.application.service.idle.IdleSettings;
import org.aapf.application.service.account.SignOnSettings;
import org.aapf.application.service.catalogue.CatalogueGrants;
import java.math.BigDecimal;
import java.util.EnumMap;
import org.aapf.application.service.cluster.ClusterLimits;
import org.aapf.application.service.reconcile.ReconcilerSettings;
import org.aapf.application.service.quota.DefaultLimits;
import org.aapf.domain.quota.LimitKind;
import org.aapf.domain.quota.Limits;
import org.aapf.embedded.Aapf;
import org.aapf.embedded.AapfBuilder;
import org.aapf.embedded.wiring.SingleSignOn;
import org.aapf.embedded.wiring.BackendChoice;
import java.util.function.BiFunction;
import java.util.TreeSet;

/** Turns the server's YAML configuration into the embedded {@link Aapf} it runs (the server is one embedder). */
public final class ConfiguredAapf {

    /** How each backend's settings are read from the configuration, keyed like the backends' registry. */
    private static final Map<String, BiFunction<AapfConfig.Backend, Map<String, String>, Object>> BACKEND_SETTINGS =
            Map.of(BackendChoice.DOCKER, (backend, environment) -> dockerSettings(backend.docker(), environment),
                    BackendChoice.KUBERNETES, (backend, environment) -> kubernetesSettings(backend.kubernetes()));

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
                .singleSignOn(singleSignOn(config.auth()))
                .httpSettings(new HttpSettings(config.http().maxBodyBytes(), config.http().timeZone(),
                        config.http().trustForwardedFor()))
                .proxySettings(config.proxy().settings())
                .clusterLimits(new ClusterLimits(config.clusters().maxSparkWorkers()))
                .userLimits(userLimits(config.limits()))
                .reconcilerSettings(ReconcilerSettings.defaults()
                        .withResyncInterval(config.clusters().resyncInterval())
                        .withLeaseTtl(config.clusters().leaseTtl()))
                .idleSettings(new IdleSettings(config.clusters().idleTimeout(),
                        Optional.ofNullable(config.clusters().maxLifetime())))
                .retentionSettings(new RetentionSettings(config.audit().retention(),
                        config.clusters().eventRetention(), RetentionSettings.defaults().interval()));
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
        String type = config.backend().type();
        BiFunction<AapfConfig.Backend, Map<String, String>, Object> settings = BACKEND_SETTINGS.get(type);
        if (settings == null) {
            throw new ConfigException("Unknown backend '" + type + "' in 'backend.type' (AAPF_BACKEND): use one of "
                    + new TreeSet<>(BACKEND_SETTINGS.keySet()));
        }
        return builder.backend(type, settings.apply(config.backend(), environment));
    }

    /**
     * A warning naming what isolation between notebooks is missing in this configuration, if any: on the notebook
     * port (no wildcard name) every notebook shares one origin, so a page served by one notebook can read and drive
     * another notebook the same browser is logged in to; under {@code localhost}, browsers on other machines cannot
     * open notebooks at all. AAPF's own origin never runs notebook content either way.
     */
    public static Optional<String> notebookIsolationWarning(AapfConfig config) {
        AapfConfig.Proxy proxy = config.proxy();
        if (proxy.notebookDomain().isEmpty()) {
            return Optional.of("Notebooks are served on port " + proxy.notebookPort() + ", one browser origin shared"
                    + " by every notebook: a page served by one user's notebook can read and drive any other notebook"
                    + " the same browser is logged in to (the WebUI and the API stay out of its reach). Give each"
                    + " notebook an origin of its own with a wildcard DNS name: set 'proxy.notebookDomain'"
                    + " (AAPF_NOTEBOOK_DOMAIN), e.g. nb.example.com for *.nb.example.com.");
        }
        String host = config.server().host();
        boolean loopbackOnly = host.equals("127.0.0.1") || host.equals("localhost") || host.equals("::1");
        if (ProxySettings.LOCAL_NOTEBOOK_DOMAIN.equals(proxy.notebookDomain()) && !loopbackOnly) {
            return Optional.of("Notebooks open at http://<proxyId>.localhost:<port>, which only a browser on this"
                    + " machine can reach; for other machines set 'proxy.notebookDomain' (AAPF_NOTEBOOK_DOMAIN) to a"
                    + " wildcard DNS name pointing at this server, e.g. nb.example.com for *.nb.example.com.");
        }
        return Optional.empty();
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

    /** Single sign-on as configured; the provider is contacted at the first sign-on, not here. */
    static SingleSignOn singleSignOn(AapfConfig.Auth auth) {
        AapfConfig.Oidc oidc = auth.oidc();
        SignOnSettings settings = new SignOnSettings(auth.passwordLogin(),
                Optional.of(oidc.adminGroup()).filter(group -> !group.isEmpty()));
        Map<String, CatalogueGrants.Grant> grants = new HashMap<>();
        oidc.grants().forEach((group, grant) -> grants.put(group,
                new CatalogueGrants.Grant(Set.copyOf(grant.images()), Set.copyOf(grant.perfTypes()))));
        Optional<OidcSettings> provider = oidc.enabled()
                ? Optional.of(new OidcSettings(oidc.displayName(), URI.create(oidc.issuer()), oidc.clientId(),
                        oidc.clientSecret(), URI.create(oidc.redirectUri()), List.of(oidc.scopes().split("\\s+")),
                        oidc.usernameClaim(), oidc.groupClaim(), Duration.ofSeconds(60), Duration.ofSeconds(10)))
                : Optional.empty();
        return new SingleSignOn(provider, settings, new CatalogueGrants(grants));
    }

    /** The operator's limits for every user; an empty value is no limit. */
    static DefaultLimits userLimits(AapfConfig.Limits limits) {
        Map<LimitKind, Long> bounds = new EnumMap<>(LimitKind.class);
        bounds.put(LimitKind.CLUSTERS, whole(limits.maxClusters()));
        bounds.put(LimitKind.CPU, limits.maxCpu().isEmpty() ? null
                : new BigDecimal(limits.maxCpu()).movePointRight(3).longValueExact());
        bounds.put(LimitKind.MEMORY, whole(limits.maxMemoryMiB()));
        bounds.put(LimitKind.GPUS, whole(limits.maxGpus()));
        return new DefaultLimits(Limits.of(bounds));
    }

    private static Long whole(String value) {
        return value.isEmpty() ? null : Long.valueOf(value);
    }

    private static DatabaseSettings databaseSettings(AapfConfig config) {
        AapfConfig.Database db = config.database();
        if (db.url().isEmpty()) {
            writableDirectory(config.dataDir());
            DatabaseSettings h2 = DatabaseSettings.h2File(config.dataDir());
            return new DatabaseSettings(h2.jdbcUrl(), h2.user(), h2.password(), db.maxPoolSize());
        }
        return new DatabaseSettings(db.url(), db.user(), db.password(), db.maxPoolSize());
    }

    /** The embedded database's directory, made if missing: one AAPF cannot write is a configuration error. */
    private static void writableDirectory(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException | UnsupportedOperationException e) {
            throw new ConfigException("Cannot create the data directory " + dataDir + ": set 'dataDir'"
                    + " (AAPF_DATA_DIR) to a directory AAPF may write", e);
        }
        if (!Files.isWritable(dataDir)) {
            throw new ConfigException("The data directory " + dataDir + " is not writable by this user: set 'dataDir'"
                    + " (AAPF_DATA_DIR) to a directory AAPF may write");
        }
    }

    /** Docker's own variables, with {@code backend.docker.host} over {@code DOCKER_HOST}; the server id comes later. */
    private static DockerSettings dockerSettings(AapfConfig.Docker docker, Map<String, String> environment) {
        Map<String, String> variables = new HashMap<>(environment);
        if (!docker.host().isEmpty()) {
            variables.put("DOCKER_HOST", docker.host());
        }
        DockerSettings fromEnvironment;
        try {
            fromEnvironment = DockerSettings.fromEnvironment(variables, "aapf");
        } catch (IllegalArgumentException e) {
            throw new ConfigException("The Docker engine's address '" + variables.get("DOCKER_HOST") + "' from "
                    + (docker.host().isEmpty() ? "DOCKER_HOST" : "'backend.docker.host'")
                    + " is not a unix:// or tcp:// URI, e.g. unix:///var/run/docker.sock or tcp://docker:2376");
        }
        return fromEnvironment
                .withEndpointMode("container-network".equals(docker.endpointMode())
                        ? DockerSettings.EndpointMode.CONTAINER_NETWORK
                        : DockerSettings.EndpointMode.LOOPBACK_PUBLISHED)
                .withPullMissingImages(docker.pullMissingImages());
    }
}
