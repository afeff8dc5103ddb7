package org.aapf.bootstrap.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.time.ZoneId;
import java.util.Objects;
import org.aapf.adapter.out.persistence.DatabaseSettings;

/**
 * The whole server configuration, bound from YAML (defaults, then the operator's file, then environment variables).
 * Every key is documented in the README.
 */
public record AapfConfig(Server server, @JsonProperty("dataDir") Path dataDir, Database database, Auth auth,
        Http http, Proxy proxy, String serverId, String catalogue, Backend backend, Clusters clusters,
        Limits limits, Metrics metrics, Logging logging, Audit audit) {

    public AapfConfig {
        Objects.requireNonNull(server, "'server' must be set");
        Objects.requireNonNull(dataDir, "'dataDir' must be set");
        Objects.requireNonNull(database, "'database' must be set");
        Objects.requireNonNull(auth, "'auth' must be set");
        Objects.requireNonNull(http, "'http' must be set");
        Objects.requireNonNull(proxy, "'proxy' must be set");
        serverId = serverId == null ? "" : serverId.trim();
        if (!serverId.isEmpty() && !serverId.matches("[a-z0-9]([a-z0-9-]{0,30}[a-z0-9])?")) {
            throw new IllegalArgumentException("'serverId' must be 1-32 lowercase letters, digits or '-'");
        }
        catalogue = catalogue == null ? "" : catalogue.trim();
        Objects.requireNonNull(backend, "'backend' must be set");
        Objects.requireNonNull(clusters, "'clusters' must be set");
        limits = limits == null ? new Limits("", "", "", "") : limits;
        Objects.requireNonNull(metrics, "'metrics' must be set");
        Objects.requireNonNull(logging, "'logging' must be set");
        Objects.requireNonNull(audit, "'audit' must be set");
    }

    /** This configuration with another {@code serverId} (e.g. so a check needs no database to find one). */
    public AapfConfig withServerId(String id) {
        return new AapfConfig(server, dataDir, database, auth, http, proxy, id, catalogue, backend, clusters, limits,
                metrics, logging, audit);
    }

    /** The Prometheus endpoint: served only to scrapers presenting {@code token}; no endpoint while it is empty. */
    public record Metrics(String token) {
        public Metrics {
            token = token == null ? "" : token.strip();
            if (!token.isEmpty() && token.length() < 16) {
                throw new IllegalArgumentException("'metrics.token' must be at least 16 characters (or empty to serve no"
                        + " /metrics), e.g. the output of: openssl rand -hex 24");
            }
        }

        @Override
        public String toString() {
            return "Metrics[token=" + (token.isEmpty() ? "none" : "redacted") + "]";
        }
    }

    /** How log records are written to standard error. */
    public record Logging(String format) {
        public Logging {
            if (!"text".equals(format) && !"json".equals(format)) {
                throw new IllegalArgumentException("'logging.format' must be text or json");
            }
        }
    }

    /**
     * The notebook proxy: timeouts towards notebooks, the browser origins allowed to open WebSockets, and where each
     * notebook's own origin is (a wildcard DNS name, or a separate port).
     */
    public record Proxy(Duration connectTimeout, Duration idleTimeout, java.util.List<String> allowedOrigins,
                        String notebookDomain, int notebookPort) {
        public Proxy {
            requirePositive("proxy.connectTimeout", connectTimeout);
            requirePositive("proxy.idleTimeout", idleTimeout);
            allowedOrigins = allowedOrigins == null ? java.util.List.of() : java.util.List.copyOf(allowedOrigins);
            notebookDomain = notebookDomain == null ? "" : notebookDomain;
            try {
                settings(connectTimeout, idleTimeout, allowedOrigins, notebookDomain, notebookPort);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        e.getMessage().replaceAll("'(allowedOrigins|notebookDomain|notebookPort)'", "'proxy.$1'"));
            }
        }

        /** The proxy's settings from these keys. */
        public org.aapf.adapter.in.http.gateway.ProxySettings settings() {
            return settings(connectTimeout, idleTimeout, allowedOrigins, notebookDomain, notebookPort);
        }

        private static org.aapf.adapter.in.http.gateway.ProxySettings settings(Duration connectTimeout,
                Duration idleTimeout, java.util.List<String> allowedOrigins, String notebookDomain, int notebookPort) {
            return new org.aapf.adapter.in.http.gateway.ProxySettings(connectTimeout, idleTimeout,
                    java.util.Set.copyOf(allowedOrigins), notebookDomain, notebookPort);
        }
    }

    /** Which backend runs the clusters, and its settings. */
    public record Backend(String type, Docker docker, Kubernetes kubernetes) {
        public Backend {
            if (type == null || type.isBlank()) {
                throw new IllegalArgumentException("'backend.type' must be docker or kubernetes");
            }
            Objects.requireNonNull(docker, "'backend.docker' must be set");
            Objects.requireNonNull(kubernetes, "'backend.kubernetes' must be set");
        }
    }

    /** The Kubernetes backend: where pods go, how the server reaches them, and how to connect. */
    public record Kubernetes(String namespaceMode, String namespace, String endpointMode, Duration resync,
            String kubeconfig, String clusterDomain, Workspace workspace) {
        public Kubernetes {
            if (!"shared".equals(namespaceMode) && !"per-user".equals(namespaceMode)) {
                throw new IllegalArgumentException("'backend.kubernetes.namespaceMode' must be shared or per-user");
            }
            if (!"service-dns".equals(endpointMode) && !"pod-ip".equals(endpointMode)) {
                throw new IllegalArgumentException("'backend.kubernetes.endpointMode' must be service-dns or pod-ip");
            }
            requirePositive("backend.kubernetes.resync", resync);
            kubeconfig = kubeconfig == null ? "" : kubeconfig.trim();
            workspace = workspace == null ? new Workspace("", "10Gi", Map.of()) : workspace;
        }
    }

    /**
     * The PersistentVolumeClaim of each notebook workspace: StorageClass (empty: the cluster's default), size, and
     * both per image reference.
     */
    public record Workspace(String storageClass, String size, Map<String, Workspace> byImage) {
        public Workspace {
            storageClass = storageClass == null ? "" : storageClass.trim();
            byImage = byImage == null ? Map.of() : Map.copyOf(byImage);
        }
    }

    /** The Docker backend: engine address (empty: DOCKER_HOST, else the local socket) and behaviour. */
    public record Docker(String host, String endpointMode, boolean pullMissingImages) {
        public Docker {
            host = host == null ? "" : host.trim();
            if (!"loopback-published".equals(endpointMode) && !"container-network".equals(endpointMode)) {
                throw new IllegalArgumentException(
                        "'backend.docker.endpointMode' must be loopback-published or container-network");
            }
        }
    }

    /**
     * Every user's limits unless set for the user ({@code aapf users limits}); empty is unlimited. {@code maxCpu} is
     * in cores (e.g. {@code 4} or {@code 0.5}), the others whole numbers.
     */
    public record Limits(String maxClusters, String maxCpu, String maxMemoryMiB, String maxGpus) {
        public Limits {
            maxClusters = whole("limits.maxClusters", maxClusters);
            maxCpu = cores("limits.maxCpu", maxCpu);
            maxMemoryMiB = whole("limits.maxMemoryMiB", maxMemoryMiB);
            maxGpus = whole("limits.maxGpus", maxGpus);
        }

        private static String whole(String key, String value) {
            String text = value == null ? "" : value.strip();
            if (!text.isEmpty() && !text.matches("[0-9]{1,18}")) {
                throw new IllegalArgumentException("'" + key + "' must be a whole number >= 0, or empty for no limit");
            }
            return text;
        }

        private static String cores(String key, String value) {
            String text = value == null ? "" : value.strip();
            if (!text.isEmpty() && !text.matches("[0-9]{1,15}(\\.[0-9]{1,3})?")) {
                throw new IllegalArgumentException("'" + key + "' must be a number of cores >= 0 with at most three"
                        + " decimals (e.g. 4 or 0.5), or empty for no limit");
            }
            return text;
        }
    }

    /**
     * Limits and timing of cluster management; {@code leaseTtl} is how long a dead or paused leader blocks the rest;
     * {@code idleTimeout} (zero: off) and {@code maxLifetime} (null: none) stop notebook clusters; {@code
     * eventRetention} is how long a deleted cluster's events are kept.
     */
    public record Clusters(int maxSparkWorkers, Duration resyncInterval, Duration leaseTtl, Duration idleTimeout,
            Duration maxLifetime, Duration eventRetention) {
        public Clusters {
            if (maxSparkWorkers < 1) {
                throw new IllegalArgumentException("'clusters.maxSparkWorkers' must be >= 1");
            }
            requirePositive("clusters.resyncInterval", resyncInterval);
            requirePositive("clusters.leaseTtl", leaseTtl);
            Objects.requireNonNull(idleTimeout, "'clusters.idleTimeout' must be set (PT0S turns it off)");
            if (idleTimeout.isNegative()) {
                throw new IllegalArgumentException("'clusters.idleTimeout' must be >= 0 (PT0S turns it off)");
            }
            if (maxLifetime != null) {
                requirePositive("clusters.maxLifetime", maxLifetime);
            }
            requirePositive("clusters.eventRetention", eventRetention);
        }
    }

    /** How long the audit trail is kept. */
    public record Audit(Duration retention) {
        public Audit {
            requirePositive("audit.retention", retention);
        }
    }

    /** Where the HTTP server listens, and how long requests in flight may finish once it is told to stop. */
    public record Server(String host, int port, Duration shutdownGracePeriod, Duration requestHeadTimeout,
            Duration requestBodyTimeout, int requestBodyMinRate, int maxConnections, int maxConnectionsPerAddress) {
        public Server {
            requirePositive("server.shutdownGracePeriod", shutdownGracePeriod);
            if (host == null || host.isBlank()) {
                throw new IllegalArgumentException("'server.host' must not be blank");
            }
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("'server.port' must be 0-65535");
            }
            requirePositive("server.requestHeadTimeout", requestHeadTimeout);
            requirePositive("server.requestBodyTimeout", requestBodyTimeout);
            if (requestBodyMinRate < 1) {
                throw new IllegalArgumentException("'server.requestBodyMinRate' must be >= 1 (bytes per second)");
            }
            if (maxConnections < 0) {
                throw new IllegalArgumentException("'server.maxConnections' must be >= 0 (0: no limit)");
            }
            if (maxConnectionsPerAddress < 0) {
                throw new IllegalArgumentException("'server.maxConnectionsPerAddress' must be >= 0 (0: no limit)");
            }
        }
    }

    /** The database; an empty {@code url} means the embedded H2 file database under {@code dataDir}. */
    public record Database(String url, String user, String password, int maxPoolSize) {
        public Database {
            url = url == null ? "" : url.trim();
            if (!url.isEmpty() && !DatabaseSettings.supports(url)) {
                throw new IllegalArgumentException("'database.url' must be a PostgreSQL URL such as"
                        + " jdbc:postgresql://127.0.0.1:5432/aapf (or an H2 one, jdbc:h2:...); empty: H2 under dataDir");
            }
            user = user == null ? "" : user;
            password = password == null ? "" : password;
            if (maxPoolSize < 1) {
                throw new IllegalArgumentException("'database.maxPoolSize' must be >= 1");
            }
        }

        @Override
        public String toString() {
            return "Database[url=" + url + ", user=" + user + ", password=redacted, maxPoolSize=" + maxPoolSize + "]";
        }
    }

    /**
     * Token settings; an empty {@code jwtSecret} means one is generated once and kept in the database. Without
     * {@code passwordLogin} only local admins log in with a password; {@code oidc} configures single sign-on.
     */
    public record Auth(String jwtSecret, String issuer, Duration accessTokenTtl, Duration refreshTokenTtl,
            boolean passwordLogin, Oidc oidc) {
        public Auth {
            Objects.requireNonNull(oidc, "'auth.oidc' must be set");
            if (!passwordLogin && !oidc.enabled()) {
                throw new IllegalArgumentException("'auth.passwordLogin' may only be false with single sign-on"
                        + " ('auth.oidc.issuer' set); else only local admins could log in");
            }
            jwtSecret = jwtSecret == null ? "" : jwtSecret;
            if (!jwtSecret.isEmpty() && jwtSecret.getBytes(java.nio.charset.StandardCharsets.UTF_8).length < 32) {
                throw new IllegalArgumentException(
                        "'auth.jwtSecret' must be at least 32 bytes (256 bits); leave it empty to have one generated");
            }
            if (issuer == null || issuer.isBlank()) {
                throw new IllegalArgumentException("'auth.issuer' must not be blank");
            }
            requirePositive("auth.accessTokenTtl", accessTokenTtl);
            requirePositive("auth.refreshTokenTtl", refreshTokenTtl);
        }

        @Override
        public String toString() {
            return "Auth[jwtSecret=redacted, issuer=" + issuer + ", accessTokenTtl=" + accessTokenTtl
                    + ", refreshTokenTtl=" + refreshTokenTtl + ", passwordLogin=" + passwordLogin + ", oidc=" + oidc
                    + "]";
        }
    }

    /**
     * Single sign-on with an OpenID Connect provider; an empty {@code issuer} turns it off.
     *
     * @param scopes space-separated, {@code openid} among them
     * @param grants provider group to the images and performance types its members may use ({@code "*"}: all)
     */
    public record Oidc(String issuer, String displayName, String clientId, String clientSecret, String redirectUri,
            String scopes, String usernameClaim, String groupClaim, String adminGroup,
            java.util.Map<String, Grant> grants) {
        public Oidc {
            issuer = issuer == null ? "" : issuer.trim();
            displayName = displayName == null ? "" : displayName.trim();
            clientId = clientId == null ? "" : clientId.trim();
            clientSecret = clientSecret == null ? "" : clientSecret;
            redirectUri = redirectUri == null ? "" : redirectUri.trim();
            scopes = scopes == null ? "" : scopes.trim();
            adminGroup = adminGroup == null ? "" : adminGroup.trim();
            grants = grants == null ? java.util.Map.of() : java.util.Map.copyOf(grants);
            if (!issuer.isEmpty()) {
                requireUrl("auth.oidc.issuer", issuer);
                requireUrl("auth.oidc.redirectUri", redirectUri);
                if (!redirectUri.endsWith("/api/v1/auth/oidc/callback")) {
                    throw new IllegalArgumentException("'auth.oidc.redirectUri' must be AAPF's public URL followed by"
                            + " /api/v1/auth/oidc/callback");
                }
                if (clientId.isEmpty() || clientSecret.isEmpty()) {
                    throw new IllegalArgumentException("'auth.oidc.clientId' and 'auth.oidc.clientSecret' must be set"
                            + " with 'auth.oidc.issuer'");
                }
                if (!java.util.List.of(scopes.split("\\s+")).contains("openid")) {
                    throw new IllegalArgumentException("'auth.oidc.scopes' must contain openid");
                }
                if (usernameClaim == null || usernameClaim.isBlank() || groupClaim == null || groupClaim.isBlank()) {
                    throw new IllegalArgumentException("'auth.oidc.usernameClaim' and 'auth.oidc.groupClaim' must not"
                            + " be blank");
                }
            }
        }

        public boolean enabled() {
            return !issuer.isEmpty();
        }

        private static void requireUrl(String key, String value) {
            try {
                java.net.URI uri = new java.net.URI(value);
                if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null) {
                    throw new IllegalArgumentException("'" + key + "' must be an http(s) URL");
                }
            } catch (java.net.URISyntaxException e) {
                throw new IllegalArgumentException("'" + key + "' must be an http(s) URL");
            }
        }

        @Override
        public String toString() {
            return "Oidc[issuer=" + issuer + ", clientId=" + clientId + ", clientSecret=redacted]";
        }
    }

    /** The images and performance types one provider group may use. */
    public record Grant(java.util.List<String> images, java.util.List<String> perfTypes) {
        public Grant {
            images = images == null ? java.util.List.of() : java.util.List.copyOf(images);
            perfTypes = perfTypes == null ? java.util.List.of() : java.util.List.copyOf(perfTypes);
        }
    }

    /** HTTP behaviour: the zone timestamps are shown in, the request body limit, proxy trust. */
    public record Http(ZoneId timeZone, long maxBodyBytes, boolean trustForwardedFor) {
        public Http {
            Objects.requireNonNull(timeZone, "'http.timeZone' must be set");
            if (maxBodyBytes < 1024) {
                throw new IllegalArgumentException("'http.maxBodyBytes' must be >= 1024");
            }
        }
    }

    static void requirePositive(String key, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("'" + key + "' must be a positive ISO-8601 duration such as PT1H");
        }
    }
}
