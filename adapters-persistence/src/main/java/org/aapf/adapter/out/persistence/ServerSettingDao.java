package org.aapf.adapter.out.persistence;

import java.util.Optional;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for {@code server_settings}. */
interface ServerSettingDao {

    @SqlQuery("SELECT setting_value FROM server_settings WHERE setting_key = :key")
    Optional<String> find(String key);

    @SqlUpdate("INSERT INTO server_settings (setting_key, setting_value) VALUES (:key, :value)")
    void insert(String key, String value);
}
