package org.aapf.application.port.in;

import java.util.List;
import org.aapf.application.port.out.Workspace;

/**
 * The workspaces this server owns on its backend whose cluster has no row in the database (a restored or foreign
 * database, a crash between the row's removal and the workspace's): for an operator to look at. Nothing removes them
 * automatically.
 */
public interface ListOrphanWorkspacesQuery {

    /**
     * @throws org.aapf.domain.error.AapfException {@code UNAVAILABLE} when the backend or the database cannot be reached
     */
    List<Workspace> listOrphans();
}
