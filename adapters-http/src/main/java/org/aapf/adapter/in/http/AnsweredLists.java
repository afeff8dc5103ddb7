package org.aapf.adapter.in.http;

import java.util.Optional;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.aapf.application.port.in.AuthenticatedUser;
import org.aapf.application.port.in.ListClustersQuery;
import org.aapf.application.port.in.ListClustersQuery.ClusterList;
import org.aapf.domain.user.UserId;

/**
 * The body of {@code GET /aaclusters} each user was answered last, kept with the list it was written from. The list
 * is handed back to {@link ListClustersQuery} on the next request, with the caller's list version that authentication
 * read with the credential; the query returns that same instance only while the owner's clusters are unchanged in
 * storage (the version is read on every request, so a change made by any server shows in the very next answer): the
 * kept body is then sent as it is. A list of 100 clusters thus costs about what one cluster does, and reading one
 * cluster ({@code GET /aaclusters/{name}}) takes it from the same list: neither reads storage beyond authentication
 * while nothing changed. Writing the body again (from {@link ClusterJson}'s kept pieces) happens once per change.
 */
final class AnsweredLists {

    /** Bodies kept at most, in bytes (a list of 100 clusters is about 90 KB, and as much again alone). */
    private static final long BYTES = 8L * 1024 * 1024;

    private final ListClustersQuery query;
    private final ClusterJson json;
    private final Cache<UserId, Answered> byOwner = Caffeine.newBuilder()
            .maximumWeight(BYTES)
            .weigher((UserId owner, Answered answered) ->
                    (int) Math.min(Integer.MAX_VALUE, 2 * answered.bodies().list().length()))
            .executor(Runnable::run)
            .build();

    AnsweredLists(ListClustersQuery query, ClusterJson json) {
        this.query = query;
        this.json = json;
    }

    /** The body listing the caller's clusters as they are stored now. */
    ClusterJson.Pieces body(AuthenticatedUser caller) {
        return current(caller).bodies().list();
    }

    /**
     * The body of the caller's cluster of that name as stored now, from the same kept list (a read of one cluster thus costs no
     * more than authentication while the caller's clusters are unchanged); empty when the list has none of that name.
     */
    Optional<ClusterJson.Pieces> one(AuthenticatedUser caller, String name) {
        return Optional.ofNullable(current(caller).bodies().byName().get(name));
    }

    private Answered current(AuthenticatedUser caller) {
        UserId owner = caller.id();
        Answered last = byOwner.getIfPresent(owner);
        ClusterList list = query.list(owner, caller.listVersion(),
                last == null ? Optional.empty() : Optional.of(last.list()));
        if (last != null && list == last.list()) {
            return last;
        }
        Answered answered = new Answered(list, json.bodies(list.clusters()));
        byOwner.put(owner, answered);
        return answered;
    }

    private record Answered(ClusterList list, ClusterJson.Bodies bodies) {
    }
}
