package org.aapf.application.port.in;

/** Stops any user's AACluster on an admin's behalf (workspace kept), as its owner could. */
public interface StopAnyClusterUseCase {

    /** @throws org.aapf.domain.error.AapfException {@code NOT_FOUND} for an unknown owner or cluster */
    void stop(String owner, String name);
}
