package org.aapf.application.port.out;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.aapf.domain.cluster.ClusterId;
import org.aapf.domain.user.UserId;

/**
 * A cluster's persistent workspace as the backend holds it (a Docker volume, a PersistentVolumeClaim), for operators'
 * checks: {@code aapf doctor} lists those without a cluster row, {@code aapf workspaces prune} removes them.
 *
 * @param name the backend object's name
 * @param owner the owner its labels name, when they do
 * @param createdAt when the backend created it, when it tells
 * @param sizeBytes what it holds, when the backend tells (Kubernetes: the requested size)
 */
public record Workspace(ClusterId cluster, String name, Optional<UserId> owner, Optional<Instant> createdAt,
        OptionalLong sizeBytes) {

    public Workspace {
        Objects.requireNonNull(cluster, "'cluster' must not be null");
        Objects.requireNonNull(name, "'name' must not be null");
        Objects.requireNonNull(owner, "'owner' must not be null");
        Objects.requireNonNull(createdAt, "'createdAt' must not be null");
        Objects.requireNonNull(sizeBytes, "'sizeBytes' must not be null");
    }
}
