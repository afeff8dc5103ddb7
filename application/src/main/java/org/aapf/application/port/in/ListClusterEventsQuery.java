package org.aapf.application.port.in;

import java.util.List;
import org.aapf.domain.user.UserId;

/** Lists the history of one of a user's AAClusters, oldest first ({@code GET /aaclusters/{name}/events}). */
public interface ListClusterEventsQuery {

    /**
     * @throws org.aapf.domain.error.AapfException {@code NOT_FOUND} when the owner has no cluster of that name
     *     (another user's cluster included), {@code INVALID_INPUT} for an invalid name
     */
    List<ClusterEventView> list(UserId owner, String name);
}
