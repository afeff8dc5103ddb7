package org.aapf.adapter.in.http;

import java.util.Optional;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.aapf.application.port.in.ListClustersQuery;
import org.aapf.application.port.in.ListClustersQuery.ClusterList;
import org.aapf.domain.user.UserId;

/**
 * The body of {@code GET /aaclusters} each user was answered last, kept with the list it was written from. The list
 * is handed back to {@link ListClustersQuery} on the next request, which returns that same instance only while the
 * owner's clusters are unchanged in storage (one read of the owner's list version, on every request, so a change made
 * by any server shows in the very next answer): the kept body is then sent as it is. A list of 100 clusters thus
 * costs about what one cluster does; writing it again (from {@link ClusterJson}'s kept pieces) happens once per change.
 */
final class AnsweredLists {

    /** Bodies kept at most, in bytes (a list of 100 clusters is about 90 KB). */
    private static final long BYTES = 8L * 1024 * 1024;

    private final ListClustersQuery query;
    private final ClusterJson json;
    private final Cache<UserId, Answered> byOwner = Caffeine.newBuilder()
            .maximumWeight(BYTES)
            .weigher((UserId owner, Answered answered) -> (int) Math.min(Integer.MAX_VALUE, answered.body().length()))
            .executor(Runnable::run)
            .build();

    AnsweredLists(ListClustersQuery query, ClusterJson json) {
        this.query = query;
        this.json = json;
    }

    /** The body listing the owner's clusters as they are stored now. */
    ClusterJson.Pieces body(UserId owner) {
        Answered last = byOwner.getIfPresent(owner);
        ClusterList list = query.list(owner, last == null ? Optional.empty() : Optional.of(last.list()));
        if (last != null && list == last.list()) {
            return last.body();
        }
        ClusterJson.Pieces body = json.list(list.clusters()).forStreaming();
        byOwner.put(owner, new Answered(list, body));
        return body;
    }

    private record Answered(ClusterList list, ClusterJson.Pieces body) {
    }
}
