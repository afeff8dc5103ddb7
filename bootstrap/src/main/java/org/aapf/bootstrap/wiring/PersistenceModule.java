package org.aapf.bootstrap.wiring;

import dagger.Binds;
import dagger.Module;
import dagger.Provides;
import jakarta.inject.Singleton;
import org.aapf.adapter.out.persistence.Database;
import org.aapf.adapter.out.persistence.DatabaseSettings;
import org.aapf.adapter.out.persistence.JdbiApiTokenRepository;
import org.aapf.adapter.out.persistence.JdbiClusterEventRepository;
import org.aapf.adapter.out.persistence.JdbiClusterRepository;
import org.aapf.adapter.out.persistence.JdbiReconcilerLease;
import org.aapf.adapter.out.persistence.JdbiLoginAttemptRepository;
import org.aapf.adapter.out.persistence.JdbiServerSettingsRepository;
import org.aapf.adapter.out.persistence.JdbiSessionRepository;
import org.aapf.adapter.out.persistence.JdbiUserRepository;
import org.aapf.application.port.out.ApiTokenRepository;
import org.aapf.application.port.out.ClusterEventRepository;
import org.aapf.application.port.out.ClusterRepository;
import org.aapf.application.port.out.ReconcilerLease;
import org.aapf.application.port.out.LoginAttemptRepository;
import org.aapf.application.port.out.ServerSettingsRepository;
import org.aapf.application.port.out.SessionRepository;
import org.aapf.application.port.out.UserRepository;
import org.aapf.bootstrap.config.ConfigException;
import org.aapf.domain.error.AapfException;
import org.aapf.domain.error.ErrorReason;
import org.jdbi.v3.core.Jdbi;

/** The Jdbi repositories over one migrated database. */
@Module
interface PersistenceModule {

    /** Opens and migrates the database; one that cannot be reached is a configuration problem, said in one line. */
    @Provides
    @Singleton
    static Database database(DatabaseSettings settings) {
        try {
            return Database.open(settings);
        } catch (AapfException e) {
            if (e.reason() != ErrorReason.UNAVAILABLE) {
                throw e;
            }
            throw new ConfigException("Cannot connect to the database " + settings.describe() + ": check that it runs"
                    + " and 'database.url' (AAPF_DB_URL), 'database.user' (AAPF_DB_USER) and 'database.password'"
                    + " (AAPF_DB_PASSWORD)", e);
        }
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

    @Binds
    ClusterRepository clusters(JdbiClusterRepository repository);

    @Binds
    ClusterEventRepository clusterEvents(JdbiClusterEventRepository repository);

    @Binds
    ReconcilerLease reconcilerLease(JdbiReconcilerLease lease);
}
