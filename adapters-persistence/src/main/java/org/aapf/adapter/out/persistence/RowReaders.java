package org.aapf.adapter.out.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.OptionalLong;
import org.aapf.application.port.out.CredentialRead;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * Reads each row type from its columns by name, registered once on the {@link Jdbi}. Jdbi's reflective
 * {@code ConstructorMapper} inspected every record constructor again for each query (its caches live in the
 * configuration copy of each handle): most of what a request allocated, and a good part of its CPU.
 */
final class RowReaders {

    /** The readers {@link HotReads} uses too (one reader per row type). */
    static final RowMapper<SessionRow> SESSION = (rs, ctx) -> new SessionRow(rs.getString("id"),
            rs.getString("user_id"), time(rs, "created_at"), time(rs, "expires_at"), time(rs, "revoked_at"));
    static final RowMapper<ApiTokenRow> API_TOKEN = (rs, ctx) -> new ApiTokenRow(rs.getString("id"),
            rs.getString("user_id"), rs.getString("name"), rs.getString("digest"), time(rs, "created_at"),
            time(rs, "last_used_at"));
    static final RowMapper<ClusterRow> CLUSTER = (rs, ctx) -> new ClusterRow(rs.getString("id"),
            rs.getString("owner_id"), rs.getString("name"), time(rs, "created_at"), rs.getString("status"),
            rs.getLong("version"), rs.getString("runtime_id"), rs.getString("retired_runtime_id"));
    /** A credential row read with its owner's list version ({@code clusters_version}). */
    static final RowMapper<CredentialRead<SessionRow>> SESSION_WITH_LIST_VERSION = withListVersion(SESSION);
    static final RowMapper<CredentialRead<ApiTokenRow>> API_TOKEN_WITH_LIST_VERSION = withListVersion(API_TOKEN);
    /** The first column, a number. */
    static final RowMapper<Long> FIRST_LONG = (rs, ctx) -> rs.getLong(1);

    private RowReaders() {
    }

    static Jdbi install(Jdbi jdbi) {
        return jdbi
                .registerRowMapper(UserRow.class, (rs, ctx) -> new UserRow(rs.getString("id"),
                        rs.getString("username"), rs.getString("password_hash"), time(rs, "created_at"),
                        time(rs, "password_changed_at"), rs.getBoolean("admin"), rs.getString("external_issuer"),
                        rs.getString("external_subject"), rs.getString("provider_groups")))
                .registerRowMapper(SessionRow.class, SESSION)
                .registerRowMapper(ApiTokenRow.class, API_TOKEN)
                .registerRowMapper(LoginFailureRow.class, (rs, ctx) -> new LoginFailureRow(
                        rs.getString("failure_key"), rs.getInt("failure_count"), time(rs, "first_at"),
                        time(rs, "last_at")))
                .registerRowMapper(LeaseRow.class, (rs, ctx) -> new LeaseRow(rs.getString("holder"),
                        rs.getLong("epoch"), time(rs, "expires_at")))
                .registerRowMapper(LeaseRow.Remaining.class, (rs, ctx) -> new LeaseRow.Remaining(
                        rs.getString("holder"), time(rs, "expires_at"), time(rs, "database_now")))
                .registerRowMapper(SignOnDao.AttemptRow.class, (rs, ctx) -> new SignOnDao.AttemptRow(
                        rs.getString("state_digest"), rs.getString("nonce"), rs.getString("code_verifier"),
                        time(rs, "expires_at")))
                .registerRowMapper(SignOnDao.HandoffRow.class, (rs, ctx) -> new SignOnDao.HandoffRow(
                        rs.getString("code_digest"), rs.getString("user_id"), time(rs, "expires_at")))
                .registerRowMapper(ClusterRow.class, CLUSTER)
                .registerRowMapper(ServiceRow.class, (rs, ctx) -> new ServiceRow(rs.getString("cluster_id"),
                        rs.getString("service"), rs.getString("image_repository"), rs.getString("perf_type"),
                        rs.getInt("instance_count")))
                .registerRowMapper(InstanceRow.class, (rs, ctx) -> new InstanceRow(rs.getString("cluster_id"),
                        rs.getString("service"), rs.getInt("instance_index"), rs.getString("status"),
                        rs.getString("health"), time(rs, "created_at"), time(rs, "updated_at"),
                        rs.getString("proxy_id"), rs.getString("jupyter_token")))
                .registerRowMapper(AlertRow.class, (rs, ctx) -> new AlertRow(rs.getString("cluster_id"),
                        rs.getString("service"), rs.getInt("instance_index"), rs.getInt("alert_order"),
                        rs.getString("alert_level"), rs.getString("reason"), rs.getString("message"),
                        time(rs, "raised_at")))
                .registerRowMapper(WarmInstanceRow.class, (rs, ctx) -> new WarmInstanceRow(rs.getString("id"),
                        rs.getString("pool"), rs.getString("image"), rs.getString("perf_type"),
                        rs.getString("proxy_id"), rs.getString("jupyter_token"), time(rs, "created_at"),
                        time(rs, "ready_at"), time(rs, "claimed_at")))
                .registerRowMapper(ClusterEventRow.class, (rs, ctx) -> new ClusterEventRow(
                        rs.getString("cluster_id"), time(rs, "occurred_at"), rs.getString("event_type"),
                        rs.getString("message")))
                .registerRowMapper(UserLimitsRow.class, (rs, ctx) -> new UserLimitsRow(rs.getString("user_id"),
                        rs.getObject("max_clusters", Long.class), rs.getObject("max_milli_cpu", Long.class),
                        rs.getObject("max_memory_mib", Long.class), rs.getObject("max_gpus", Long.class)))
                .registerRowMapper(AuditRow.class, (rs, ctx) -> new AuditRow(rs.getLong("id"),
                        time(rs, "occurred_at"), rs.getString("actor"), rs.getString("action"),
                        rs.getString("target"), rs.getString("address"), rs.getString("outcome"),
                        rs.getString("detail")));
    }

    private static <T> RowMapper<CredentialRead<T>> withListVersion(RowMapper<T> credential) {
        return (rs, ctx) -> new CredentialRead<>(credential.map(rs, ctx),
                OptionalLong.of(rs.getLong("clusters_version")));
    }

    private static OffsetDateTime time(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class);
    }
}
