package org.aapf.application.port.in;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.aapf.application.port.out.Workspace;

/**
 * Removes, on an operator's word, the orphan workspaces (see {@link ListOrphanWorkspacesQuery}) older than a given
 * age. Each one's cluster row is looked up again right before its removal; a workspace of unknown age is kept.
 */
public interface PruneOrphanWorkspacesUseCase {

    /**
     * @return the workspaces removed
     * @throws org.aapf.domain.error.AapfException {@code INVALID_INPUT} for a negative age, {@code UNAVAILABLE} when the
     *     backend or the database cannot be reached
     */
    List<Workspace> prune(PruneCommand command);

    /** @param olderThan only workspaces created longer ago than this are removed */
    record PruneCommand(Duration olderThan) {

        public PruneCommand {
            Objects.requireNonNull(olderThan, "'olderThan' must not be null");
        }
    }
}
