package org.aapf.application.port.in;

import java.time.Instant;
import org.aapf.domain.cluster.ClusterEvent;

/** One history entry as the API shows it: {@code {at, type, message}} with {@code type} its API name. */
public record ClusterEventView(Instant at, ClusterEvent.Type type, String message) {

    public static ClusterEventView from(ClusterEvent event) {
        return new ClusterEventView(event.at(), event.type(), event.message());
    }
}
