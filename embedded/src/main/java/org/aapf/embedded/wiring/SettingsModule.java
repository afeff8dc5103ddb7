package org.aapf.embedded.wiring;

import dagger.Module;
import dagger.Provides;
import java.time.Clock;
import org.aapf.adapter.in.http.HttpSettings;
import org.aapf.adapter.in.http.gateway.ProxySettings;
import org.aapf.application.service.account.AccountSettings;

/** Hands each layer its settings record out of the {@link CoreSettings}. */
@Module
interface SettingsModule {

    @Provides
    static Clock clock(CoreSettings settings) {
        return settings.clock();
    }

    @Provides
    static AccountSettings accountSettings(CoreSettings settings) {
        return settings.accounts();
    }

    @Provides
    static ProxySettings proxySettings(CoreSettings settings) {
        return settings.proxy();
    }

    @Provides
    static HttpSettings httpSettings(CoreSettings settings) {
        return settings.http();
    }
}
