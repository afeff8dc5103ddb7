package org.aapf.application.port.out;

import java.util.Optional;

/** Small server-wide values kept in the database, shared by every server process (e.g. the token signing secret). */
public interface ServerSettingsRepository {

    Optional<String> find(String key);

    /**
     * Stores {@code value} under {@code key} unless a value is already there, atomically across processes, and returns
     * the value that is stored afterwards (the existing one if another process won).
     */
    String putIfAbsent(String key, String value);
}
