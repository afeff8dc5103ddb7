package org.aapf.embedded.wiring;

import dagger.Binds;
import dagger.Module;
import dagger.Provides;
import jakarta.inject.Singleton;
import org.aapf.adapter.out.persistence.Database;
import org.aapf.adapter.out.persistence.JdbiApiTokenRepository;
import org.aapf.adapter.out.persistence.JdbiClusterEventRepository;
import org.aapf.adapter.out.persistence.JdbiClusterRepository;
import org.aapf.adapter.out.persistence.JdbiClusterDirectory;
import org.aapf.adapter.out.persistence.JdbiOwnerLock;
import org.aapf.adapter.out.persistence.JdbiReconcilerLease;
import org.aapf.adapter.out.persistence.PostgresServerSignals;
import org.aapf.application.port.out.ServerSignals;
import org.aapf.adapter.out.persistence.JdbiWarmInstanceRepository;
import org.aapf.adapter.out.persistence.JdbiUserLimitsRepository;
import org.aapf.application.port.out.ClusterDirectory;
import org.aapf.application.port.out.OwnerLock;
import org.aapf.application.port.out.UserLimitsRepository;
import org.aapf.adapter.out.persistence.JdbiLoginAttemptRepository;
import org.aapf.adapter.out.persistence.JdbiServerSettingsRepository;
import org.aapf.adapter.out.persistence.JdbiSessionRepository;
import org.aapf.adapter.out.persistence.JdbiUserRepository;
import org.aapf.application.port.out.ApiTokenRepository;
import org.aapf.application.port.out.ClusterEventRepository;
import org.aapf.application.port.out.ClusterRepository;
import org.aapf.application.port.out.ReconcilerLease;
import org.aapf.application.port.out.WarmInstanceRepository;
import org.aapf.application.port.out.LoginAttemptRepository;
import org.aapf.application.port.out.ServerSettingsRepository;
import org.aapf.application.port.out.SessionRepository;
import org.aapf.application.port.out.UserRepository;
import org.aapf.application.service.cluster.NotebookRouteCache;
import org.aapf.application.service.cluster.RouteForgettingClusterRepository;
import org.jdbi.v3.core.Jdbi;

/** The Jdbi repositories over one migrated database. */
@Module
interface PersistenceModule {

    /** Opens and migrates the database; one that cannot be reached is a configuration problem, said in one line. */
    @Provides
    @Singleton
    static Database database(CoreSettings settings) {
        return settings.database().open();
    }

    @Provides
    static Jdbi jdbi(Database database) {
        return database.jdbi();
    }

    @Binds
    UserRepository users(JdbiUserRepository repository);

    @Binds
    SessionRepository sessions(JdbiSessionRepository repository);

    @Binds
    ApiTokenRepository apiTokens(JdbiApiTokenRepository repository);

    @Binds
    LoginAttemptRepository loginAttempts(JdbiLoginAttemptRepository repository);

    @Binds
    ServerSettingsRepository serverSettings(JdbiServerSettingsRepository repository);

    /** Every saved change to a cluster also makes the proxy's route cache forget the cluster's notebooks. */
    @Provides
    @Singleton
    static ClusterRepository clusters(JdbiClusterRepository repository, NotebookRouteCache routes) {
        return new RouteForgettingClusterRepository(repository, routes);
    }

    @Binds
    ClusterEventRepository clusterEvents(JdbiClusterEventRepository repository);

    @Binds
    ReconcilerLease reconcilerLease(JdbiReconcilerLease lease);

    /** Changes accepted by one server wake the lease holder at once, where several servers share PostgreSQL. */
    @Provides
    @Singleton
    static ServerSignals serverSignals(Database database) {
        return PostgresServerSignals.of(database);
    }

    @Binds
    WarmInstanceRepository warmInstances(JdbiWarmInstanceRepository repository);

    @Binds
    UserLimitsRepository userLimits(JdbiUserLimitsRepository repository);

    @Binds
    OwnerLock ownerLock(JdbiOwnerLock lock);

    @Binds
    ClusterDirectory clusterDirectory(JdbiClusterDirectory directory);
}
