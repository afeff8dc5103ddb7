package org.aapf.adapter.out.persistence;

import jakarta.inject.Inject;
import java.util.Objects;
import java.util.Optional;
import org.aapf.application.port.out.ServerSettingsRepository;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * {@link ServerSettingsRepository} on the {@code server_settings} table. {@link #putIfAbsent} lets the primary key
 * decide between racing processes: the first INSERT wins, every caller then reads the winner's value.
 */
public final class JdbiServerSettingsRepository implements ServerSettingsRepository {

    /** Longest key the {@code setting_key} column holds. */
    public static final int MAX_KEY_LENGTH = 128;

    /** Longest value the {@code setting_value} column holds. */
    public static final int MAX_VALUE_LENGTH = 8192;

    private final ServerSettingDao dao;

    @Inject
    public JdbiServerSettingsRepository(Jdbi jdbi) {
        this.dao = Objects.requireNonNull(jdbi, "'jdbi' must not be null").onDemand(ServerSettingDao.class);
    }

    @Override
    public Optional<String> find(String key) {
        requireKey(key);
        return dao.find(key);
    }

    @Override
    public String putIfAbsent(String key, String value) {
        requireKey(key);
        if (value == null || value.length() > MAX_VALUE_LENGTH) {
            throw new IllegalArgumentException("'value' must not be null and at most " + MAX_VALUE_LENGTH
                    + " characters");
        }
        Optional<String> existing = dao.find(key);
        if (existing.isPresent()) {
            return existing.get();
        }
        try {
            dao.insert(key, value);
            return value;
        } catch (JdbiException e) {
            if (!SqlErrors.isUniqueViolation(e)) {
                throw e;
            }
        }
        return dao.find(key).orElseThrow(() -> new IllegalStateException("setting '" + key + "' vanished"));
    }

    private static void requireKey(String key) {
        if (key == null || key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("'key' must be 1-" + MAX_KEY_LENGTH + " characters and not blank");
        }
    }
}
