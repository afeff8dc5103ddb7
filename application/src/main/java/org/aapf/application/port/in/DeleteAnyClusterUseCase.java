package org.aapf.application.port.in;

/** Deletes any user's AACluster on an admin's behalf, as its owner could. */
public interface DeleteAnyClusterUseCase {

    /** @throws org.aapf.domain.error.AapfException {@code NOT_FOUND} for an unknown owner or cluster */
    void delete(String owner, String name);
}
