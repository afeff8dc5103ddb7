package org.aapf.application.port.out;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.aapf.domain.cluster.ClusterId;
import org.aapf.domain.cluster.NotebookAccess;
import org.aapf.domain.user.UserId;

/**
 * A notebook instance a warm pool started ahead of demand, as stored: the cluster id its backend objects are named
 * from (the cluster that claims it takes that id), and the proxy id and token it was started with.
 *
 * @param pool the pool's key, {@code image/perfType}
 * @param readyAt when the reconciler first saw it ready; empty while it starts
 * @param claimedAt when a create claimed it; a claimed instance is never handed out again
 */
public record WarmInstance(ClusterId id, String pool, String image, String perfType, NotebookAccess access,
        Instant createdAt, Optional<Instant> readyAt, Optional<Instant> claimedAt) {

    /**
     * The owner warm instances are started under (no user has this id): what their backend labels name until a
     * cluster takes them over. Docker cannot change a container's labels, so an adopted container keeps it; the
     * cluster's row is the record of who owns it.
     */
    public static final UserId POOL_OWNER = new UserId(new UUID(0L, 0xAA9FL));

    public WarmInstance {
        Objects.requireNonNull(id, "'id' must not be null");
        Objects.requireNonNull(pool, "'pool' must not be null");
        Objects.requireNonNull(image, "'image' must not be null");
        Objects.requireNonNull(perfType, "'perfType' must not be null");
        Objects.requireNonNull(access, "'access' must not be null");
        Objects.requireNonNull(createdAt, "'createdAt' must not be null");
        Objects.requireNonNull(readyAt, "'readyAt' must not be null");
        Objects.requireNonNull(claimedAt, "'claimedAt' must not be null");
    }

    /** A new instance of a pool, not started yet: a fresh id, proxy id and token. */
    public static WarmInstance starting(String pool, String image, String perfType, Instant now) {
        return new WarmInstance(ClusterId.random(), pool, image, perfType, NotebookAccess.random(), now,
                Optional.empty(), Optional.empty());
    }

    /** Where it is in its life. */
    public State state() {
        if (claimedAt.isPresent()) {
            return State.CLAIMED;
        }
        return readyAt.isPresent() ? State.READY : State.STARTING;
    }

    /** The life of a warm instance: started, ready to be claimed, claimed (once, for good). */
    public enum State {
        STARTING, READY, CLAIMED
    }
}
