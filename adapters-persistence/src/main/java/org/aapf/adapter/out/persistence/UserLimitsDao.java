package org.aapf.adapter.out.persistence;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/** Reads and replaces rows of {@code user_limits}. */
interface UserLimitsDao {

    String COLUMNS = "user_id, max_clusters, max_milli_cpu, max_memory_mib, max_gpus";

    @SqlQuery("SELECT " + COLUMNS + " FROM user_limits WHERE user_id = :userId")
    Optional<UserLimitsRow> find(@Bind("userId") String userId);

    @SqlQuery("SELECT " + COLUMNS + " FROM user_limits")
    List<UserLimitsRow> all();

    @SqlUpdate("DELETE FROM user_limits WHERE user_id = :userId")
    void delete(@Bind("userId") String userId);

    @SqlUpdate("INSERT INTO user_limits (" + COLUMNS + ") VALUES (:userId, :maxClusters, :maxMilliCpu, :maxMemoryMib,"
            + " :maxGpus)")
    void insert(@BindMethods UserLimitsRow row);

    /** Delete and insert in one transaction: an upsert both databases understand alike. */
    @Transaction
    default void replace(UserLimitsRow row) {
        delete(row.userId());
        insert(row);
    }
}
