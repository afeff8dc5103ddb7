package org.aapf.embedded;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.aapf.adapter.in.http.HttpSettings;
import org.aapf.adapter.in.http.gateway.ProxySettings;
import org.aapf.adapter.out.docker.DockerSettings;
import org.aapf.adapter.out.k8s.KubernetesSettings;
import org.aapf.adapter.out.persistence.DatabaseSettings;
import org.aapf.application.port.out.CatalogueSource;
import org.aapf.application.port.out.ClusterBackend;
import org.aapf.application.service.account.AccountSettings;
import org.aapf.application.service.audit.RetentionSettings;
import org.aapf.application.service.idle.IdleSettings;
import org.aapf.application.service.cluster.ClusterLimits;
import org.aapf.application.service.reconcile.ReconcilerSettings;
import org.aapf.application.service.quota.DefaultLimits;
import org.aapf.domain.catalogue.Catalogue;
import org.aapf.embedded.catalogue.ReloadingCatalogueSource;
import org.aapf.embedded.wiring.BackendChoice;
import org.aapf.embedded.wiring.CoreSettings;
import org.aapf.embedded.wiring.DatabaseChoice;
import org.aapf.embedded.wiring.SingleSignOn;

/**
 * Configures an embedded {@link Aapf}. A database and a backend are required; everything else has the server's
 * defaults (built-in catalogue, UTC system clock, generated server id and signing secret kept in the database).
 * {@link #build()} contacts nothing but the catalogue file; {@link Aapf#start()} opens the database.
 */
public final class AapfBuilder {

    private static final String SERVER_ID_PATTERN = "[a-z0-9]([a-z0-9-]{0,30}[a-z0-9])?";
    private static final int MIN_SECRET_BYTES = 32;

    private DatabaseChoice database;
    private BackendChoice backend;
    private CatalogueSource catalogue;
    private Optional<Path> catalogueFile = Optional.empty();
    private Clock clock = Clock.systemUTC();
    private Optional<String> serverId = Optional.empty();
    private Optional<String> jwtSecret = Optional.empty();
    private Optional<String> metricsToken = Optional.empty();
    private String tokenIssuer = "aapf";
    private AccountSettings accounts = AccountSettings.defaults();
    private HttpSettings http = HttpSettings.defaults();
    private ProxySettings proxy = ProxySettings.defaults();
    private ClusterLimits clusterLimits = ClusterLimits.defaults();
    private DefaultLimits userLimits = DefaultLimits.none();
    private ReconcilerSettings reconciler = ReconcilerSettings.defaults();
    private IdleSettings idle = IdleSettings.defaults();
    private RetentionSettings retention = RetentionSettings.defaults();
    private SingleSignOn signOn = SingleSignOn.none();

    AapfBuilder() {
    }

    /** The host's data source (H2 or PostgreSQL); AAPF migrates its tables into the current schema, never closes it. */
    public AapfBuilder dataSource(DataSource dataSource) {
        this.database = new DatabaseChoice.Supplied(dataSource);
        return this;
    }

    /** A connection pool AAPF opens on this H2 or PostgreSQL URL and closes in {@link Aapf#close()}. */
    public AapfBuilder jdbcUrl(String url, String user, String password) {
        return database(new DatabaseSettings(url, user, password, DatabaseSettings.DEFAULT_MAX_POOL_SIZE));
    }

    /** Like {@link #jdbcUrl}, with the pool size too. */
    public AapfBuilder database(DatabaseSettings settings) {
        this.database = new DatabaseChoice.Pooled(settings);
        return this;
    }

    /**
     * Clusters as containers on a Docker engine; the settings' {@code serverId} is replaced by this AAPF's
     * ({@link #serverId(String)}, else the one kept in the database).
     */
    public AapfBuilder dockerBackend(DockerSettings settings) {
        return backend(BackendChoice.DOCKER, settings);
    }

    /** Clusters on the Docker engine that {@code DOCKER_HOST} (or the local socket) names, with default settings. */
    public AapfBuilder dockerBackend() {
        return dockerBackend(DockerSettings.fromEnvironment(System.getenv(), "aapf"));
    }

    /**
     * Clusters as pods on a Kubernetes cluster (kubeconfig or in-cluster account from the settings); the settings'
     * {@code serverId} is replaced by this AAPF's.
     */
    public AapfBuilder kubernetesBackend(KubernetesSettings settings) {
        return backend(BackendChoice.KUBERNETES, settings);
    }

    /**
     * Clusters on the backend registered for {@code type} ({@code docker}, {@code kubernetes}), built from
     * {@code settings} of that backend's kind; the settings' {@code serverId} is replaced by this AAPF's.
     */
    public AapfBuilder backend(String type, Object settings) {
        this.backend = new BackendChoice.Built(type, settings);
        return this;
    }

    /** Clusters run by the host's own backend; AAPF never closes it. */
    public AapfBuilder backend(ClusterBackend clusterBackend) {
        this.backend = new BackendChoice.Supplied(clusterBackend);
        return this;
    }

    /** A fixed catalogue of images and performance types. */
    public AapfBuilder catalogue(Catalogue fixed) {
        Objects.requireNonNull(fixed, "'catalogue' must not be null");
        return catalogue(() -> fixed);
    }

    /** The host's own catalogue source, asked on every request and reconcile pass (so it must be cheap). */
    public AapfBuilder catalogue(CatalogueSource source) {
        this.catalogue = Objects.requireNonNull(source, "'catalogue' must not be null");
        this.catalogueFile = Optional.empty();
        return this;
    }

    /** A catalogue YAML file (format of the built-in {@code aapf-catalogue.yaml}), re-read when it changes. */
    public AapfBuilder catalogue(Path file) {
        this.catalogueFile = Optional.of(Objects.requireNonNull(file, "'catalogue' must not be null"));
        this.catalogue = null;
        return this;
    }

    public AapfBuilder clock(Clock value) {
        this.clock = Objects.requireNonNull(value, "'clock' must not be null");
        return this;
    }

    /** Labels every container this AAPF owns; keep it stable across restarts. 1-32 of a-z, 0-9 and '-'. */
    public AapfBuilder serverId(String id) {
        if (id == null || !id.matches(SERVER_ID_PATTERN)) {
            throw new IllegalArgumentException("'serverId' must be 1-32 lowercase letters, digits or '-'");
        }
        this.serverId = Optional.of(id);
        return this;
    }

    /** The HS256 secret access tokens are signed with, at least 32 bytes; share it between processes. */
    /**
     * Serves Prometheus metrics at {@code /metrics} to requests carrying {@code Authorization: Bearer <token>};
     * without a token there is no metrics endpoint.
     */
    public AapfBuilder metricsToken(String token) {
        if (token == null || token.length() < 16) {
            throw new IllegalArgumentException("'metricsToken' must be at least 16 characters");
        }
        this.metricsToken = Optional.of(token);
        return this;
    }

    public AapfBuilder jwtSecret(String secret) {
        if (secret == null || secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("'jwtSecret' must be at least " + MIN_SECRET_BYTES + " bytes");
        }
        this.jwtSecret = Optional.of(secret);
        return this;
    }

    public AapfBuilder tokenIssuer(String issuer) {
        if (issuer == null || issuer.isBlank()) {
            throw new IllegalArgumentException("'tokenIssuer' must not be blank");
        }
        this.tokenIssuer = issuer;
        return this;
    }

    public AapfBuilder accountSettings(AccountSettings settings) {
        this.accounts = Objects.requireNonNull(settings, "'accountSettings' must not be null");
        return this;
    }

    public AapfBuilder httpSettings(HttpSettings settings) {
        this.http = Objects.requireNonNull(settings, "'httpSettings' must not be null");
        return this;
    }

    public AapfBuilder proxySettings(ProxySettings settings) {
        this.proxy = Objects.requireNonNull(settings, "'proxySettings' must not be null");
        return this;
    }

    public AapfBuilder clusterLimits(ClusterLimits limits) {
        this.clusterLimits = Objects.requireNonNull(limits, "'clusterLimits' must not be null");
        return this;
    }

    /** Every user's limits on clusters, CPU, memory and GPUs unless set for the user; default: none. */
    public AapfBuilder userLimits(DefaultLimits limits) {
        this.userLimits = Objects.requireNonNull(limits, "'userLimits' must not be null");
        return this;
    }

    public AapfBuilder reconcilerSettings(ReconcilerSettings settings) {
        this.reconciler = Objects.requireNonNull(settings, "'reconcilerSettings' must not be null");
        return this;
    }

    /** When unused notebook clusters are stopped; default: after one hour without activity, no lifetime limit. */
    public AapfBuilder idleSettings(IdleSettings settings) {
        this.idle = Objects.requireNonNull(settings, "'idleSettings' must not be null");
        return this;
    }

    /** How long the audit trail and deleted clusters' events are kept; default: 90 and 30 days. */
    public AapfBuilder retentionSettings(RetentionSettings settings) {
        this.retention = Objects.requireNonNull(settings, "'retentionSettings' must not be null");
        return this;
    }

    /**
     * Single sign-on with an OpenID Connect provider (only the server's WebAPI offers it), password login, the admin
     * group and the catalogue grants of provider groups; default: none, password login for all, whole catalogue.
     */
    public AapfBuilder singleSignOn(SingleSignOn value) {
        this.signOn = Objects.requireNonNull(value, "'singleSignOn' must not be null");
        return this;
    }

    /**
     * @throws IllegalStateException when no database or no backend was chosen
     * @throws org.aapf.embedded.catalogue.CatalogueException when the catalogue file is unreadable or invalid
     */
    public Aapf build() {
        if (database == null) {
            throw new IllegalStateException("choose a database: dataSource(...), jdbcUrl(...) or database(...)");
        }
        if (backend == null) {
            throw new IllegalStateException("choose a cluster backend: dockerBackend(...), kubernetesBackend(...) or backend(...)");
        }
        CatalogueSource source = catalogue != null ? catalogue : ReloadingCatalogueSource.load(catalogueFile, clock);
        return new Aapf(new CoreSettings(database, backend, source, clock, serverId, jwtSecret, tokenIssuer, accounts,
                http, proxy, clusterLimits, userLimits, reconciler, metricsToken, signOn, idle, retention));
    }
}
