package org.aapf.adapter.out.persistence;

import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.aapf.application.port.out.ClusterDirectory;
import org.aapf.domain.cluster.AACluster;
import org.aapf.domain.cluster.ClusterStatus;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * {@link ClusterDirectory} on the cluster tables joined with {@code users}: one keyset query finds the page's cluster
 * ids (owner username, then cluster name, after the cursor), one query per cluster table reads those clusters, all in
 * one repeatable-read snapshot.
 */
public final class JdbiClusterDirectory implements ClusterDirectory {

    private static final String SELECT = """
            SELECT c.id, u.username FROM clusters c JOIN users u ON u.id = c.owner_id WHERE 1 = 1""";
    private static final String OWNER = " AND u.username = :owner";
    private static final String STATUS = " AND c.status = :status";
    private static final String AFTER =
            " AND (u.username > :afterOwner OR (u.username = :afterOwner AND c.name > :afterName))";
    private static final String ORDER = " ORDER BY u.username, c.name LIMIT :limit";

    private final Jdbi jdbi;

    @Inject
    public JdbiClusterDirectory(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "'jdbi' must not be null");
    }

    @Override
    public List<OwnedCluster> page(Optional<String> owner, Optional<ClusterStatus> status, Optional<PageKey> after,
            int limit) {
        String sql = SELECT + (owner.isPresent() ? OWNER : "") + (status.isPresent() ? STATUS : "")
                + (after.isPresent() ? AFTER : "") + ORDER;
        return jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, handle -> {
            Query query = handle.createQuery(sql).bind("limit", limit);
            owner.ifPresent(name -> query.bind("owner", name));
            status.ifPresent(value -> query.bind("status", value.apiName()));
            after.ifPresent(key -> query.bind("afterOwner", key.owner()).bind("afterName", key.name()));
            List<Map.Entry<String, String>> found = query
                    .map((rs, ctx) -> Map.entry(rs.getString("id"), rs.getString("username")))
                    .list();
            if (found.isEmpty()) {
                return List.of();
            }
            Map<String, AACluster> byId = ClusterAssembler.parse(handle.attach(ClusterReadDao.class)
                            .of(found.stream().map(Map.Entry::getKey).toList())).stream()
                    .map(StoredCluster::restore)
                    .collect(Collectors.toMap(cluster -> cluster.id().toString(), Function.identity()));
            List<OwnedCluster> page = new ArrayList<>(found.size());
            for (Map.Entry<String, String> entry : found) {
                page.add(new OwnedCluster(entry.getValue(), byId.get(entry.getKey())));
            }
            return page;
        });
    }
}
