package org.aapf.application.port.in;

import java.util.List;
import org.aapf.domain.user.UserId;

/** Lists a user's AAClusters, sorted by name; empty when they have none. */
public interface ListClustersQuery {

    List<ClusterView> list(UserId owner);
}
