package org.aapf.bootstrap.wiring;

import dagger.Module;
import dagger.Provides;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Set;
import org.aapf.adapter.in.http.HttpSettings;
import org.aapf.adapter.in.http.proxy.ProxySettings;
import org.aapf.adapter.out.persistence.DatabaseSettings;
import org.aapf.application.service.account.AccountSettings;
import org.aapf.bootstrap.config.AapfConfig;

/** Turns the configuration into the settings records each layer takes. */
@Module
interface SettingsModule {

    @Provides
    @Singleton
    static Clock clock() {
        return Clock.systemUTC();
    }

    @Provides
    static DatabaseSettings databaseSettings(AapfConfig config) {
        AapfConfig.Database db = config.database();
        if (db.url().isEmpty()) {
            DatabaseSettings h2 = DatabaseSettings.h2File(config.dataDir());
            return new DatabaseSettings(h2.jdbcUrl(), h2.user(), h2.password(), db.maxPoolSize());
        }
        return new DatabaseSettings(db.url(), db.user(), db.password(), db.maxPoolSize());
    }

    @Provides
    static AccountSettings accountSettings(AapfConfig config) {
        return new AccountSettings(config.auth().accessTokenTtl(), config.auth().refreshTokenTtl(),
                AccountSettings.LoginThrottling.defaults());
    }

    @Provides
    static ProxySettings proxySettings(AapfConfig config) {
        AapfConfig.Proxy proxy = config.proxy();
        return new ProxySettings(proxy.connectTimeout(), proxy.idleTimeout(), Set.copyOf(proxy.allowedOrigins()));
    }

    @Provides
    static HttpSettings httpSettings(AapfConfig config) {
        AapfConfig.Http http = config.http();
        return new HttpSettings(http.maxBodyBytes(), http.timeZone(), http.trustForwardedFor());
    }
}
