package org.aapf.domain.cluster;

import java.time.Instant;
import java.util.Optional;

/** The history entry, if any, that an instance's status change deserves: started, ready or failed. */
final class InstanceEvents {

    private InstanceEvents() {
    }

    static Optional<ClusterEvent> of(ClusterId cluster, Instance before, Instance after, Instant now) {
        if (before.status() == after.status()) {
            return Optional.empty();
        }
        return switch (after.status()) {
            case STARTING -> event(cluster, now, ClusterEvent.Type.STARTED, "Instance " + after.label() + " started.");
            case READY -> event(cluster, now, ClusterEvent.Type.READY, "Instance " + after.label() + " is ready.");
            case FAILED -> event(cluster, now, ClusterEvent.Type.FAILED, "Instance " + after.label() + " failed: "
                    + after.alerts().stream().map(Alert::message).findFirst().orElse("no reason reported."));
            default -> Optional.empty();
        };
    }

    private static Optional<ClusterEvent> event(ClusterId cluster, Instant now, ClusterEvent.Type type,
            String message) {
        return Optional.of(new ClusterEvent(cluster, now, type, message));
    }
}
