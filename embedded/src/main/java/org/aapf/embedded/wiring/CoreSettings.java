package org.aapf.embedded.wiring;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.aapf.adapter.in.http.HttpSettings;
import org.aapf.adapter.in.http.gateway.ProxySettings;
import org.aapf.application.port.out.CatalogueSource;
import org.aapf.application.service.account.AccountSettings;
import org.aapf.application.service.audit.RetentionSettings;
import org.aapf.application.service.idle.IdleSettings;
import org.aapf.application.service.cluster.ClusterLimits;
import org.aapf.application.service.reconcile.ReconcilerSettings;
import org.aapf.application.service.quota.DefaultLimits;

/**
 * Everything the component is built from, already resolved (by {@code Aapf.builder()} or the server's YAML
 * configuration): nothing here reads files or the environment.
 *
 * @param serverId labels every backend object this AAPF owns; empty: generated once and kept in the database
 * @param jwtSecret the HS256 signing secret (at least 32 bytes); empty: generated once and kept in the database
 * @param tokenIssuer the {@code iss} claim of access tokens
 * @param userLimits every user's limits unless overridden for the user
 * @param signOn the OpenID Connect provider, if any, password login, and the catalogue grants of provider groups
 * @param idle when unused notebook clusters are stopped
 * @param retention how long the audit trail and the events of deleted clusters are kept
 */
public record CoreSettings(DatabaseChoice database, BackendChoice backend, CatalogueSource catalogue, Clock clock,
        Optional<String> serverId, Optional<String> jwtSecret, String tokenIssuer, AccountSettings accounts,
        HttpSettings http, ProxySettings proxy, ClusterLimits clusterLimits, DefaultLimits userLimits,
        ReconcilerSettings reconciler, Optional<String> metricsToken, SingleSignOn signOn, IdleSettings idle,
        RetentionSettings retention) {

    public CoreSettings {
        Objects.requireNonNull(database, "'database' must not be null");
        Objects.requireNonNull(backend, "'backend' must not be null");
        Objects.requireNonNull(catalogue, "'catalogue' must not be null");
        Objects.requireNonNull(clock, "'clock' must not be null");
        Objects.requireNonNull(serverId, "'serverId' must not be null (use empty)");
        Objects.requireNonNull(jwtSecret, "'jwtSecret' must not be null (use empty)");
        if (tokenIssuer == null || tokenIssuer.isBlank()) {
            throw new IllegalArgumentException("'tokenIssuer' must not be blank");
        }
        Objects.requireNonNull(accounts, "'accounts' must not be null");
        Objects.requireNonNull(http, "'http' must not be null");
        Objects.requireNonNull(proxy, "'proxy' must not be null");
        Objects.requireNonNull(clusterLimits, "'clusterLimits' must not be null");
        Objects.requireNonNull(userLimits, "'userLimits' must not be null");
        Objects.requireNonNull(reconciler, "'reconciler' must not be null");
        Objects.requireNonNull(metricsToken, "'metricsToken' must not be null (use empty)");
        Objects.requireNonNull(signOn, "'signOn' must not be null (use SingleSignOn.none())");
        Objects.requireNonNull(idle, "'idle' must not be null (use IdleSettings.off())");
        Objects.requireNonNull(retention, "'retention' must not be null");
    }

    @Override
    public String toString() {
        return "CoreSettings[database=" + database + ", backend=" + backend + ", serverId=" + serverId
                + ", jwtSecret=redacted, tokenIssuer=" + tokenIssuer + "]";
    }
}
