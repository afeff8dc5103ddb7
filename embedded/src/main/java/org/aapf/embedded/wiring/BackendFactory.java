package org.aapf.embedded.wiring;

import java.time.Clock;
import org.aapf.application.port.out.ClusterBackend;

/**
 * Builds one kind of cluster backend from its own settings. Each kind is registered once, in a map keyed by its
 * {@code backend.type} ({@link BackendModule}), so that adding a backend adds an entry rather than a case to every
 * switch.
 */
public interface BackendFactory {

    /**
     * A new backend labelling what it creates with {@code serverId}.
     *
     * @param settings this kind's settings object (e.g. {@code DockerSettings})
     * @throws IllegalArgumentException when {@code settings} are not this kind's
     */
    ClusterBackend create(Object settings, String serverId, Clock clock);

    /** {@code settings} as {@code type}, or an error naming both. */
    static <S> S settingsOf(Object settings, Class<S> type) {
        if (!type.isInstance(settings)) {
            throw new IllegalArgumentException("this backend takes " + type.getSimpleName() + ", not "
                    + (settings == null ? "null" : settings.getClass().getSimpleName()));
        }
        return type.cast(settings);
    }
}
