package org.aapf.application.service.cluster;

import jakarta.inject.Inject;
import org.aapf.application.port.in.DeleteAnyClusterUseCase;
import org.aapf.application.port.in.DeleteClusterUseCase;
import org.aapf.application.port.in.DeleteClusterUseCase.DeleteClusterCommand;
import org.aapf.application.port.in.StopAnyClusterUseCase;
import org.aapf.application.port.in.StopClusterUseCase;
import org.aapf.application.port.in.StopClusterUseCase.StopClusterCommand;
import org.aapf.application.port.out.UserRepository;
import org.aapf.domain.error.AapfException;
import org.aapf.domain.user.UserId;
import org.aapf.domain.user.Username;

/** Stops or deletes a cluster named by owner and name, exactly as its owner's own request would. */
public final class AnyClusterService implements StopAnyClusterUseCase, DeleteAnyClusterUseCase {

    private final UserRepository users;
    private final StopClusterUseCase stop;
    private final DeleteClusterUseCase delete;

    @Inject
    public AnyClusterService(UserRepository users, StopClusterUseCase stop, DeleteClusterUseCase delete) {
        this.users = users;
        this.stop = stop;
        this.delete = delete;
    }

    @Override
    public void stop(String owner, String name) {
        stop.stop(new StopClusterCommand(ownerId(owner), name));
    }

    @Override
    public void delete(String owner, String name) {
        delete.delete(new DeleteClusterCommand(ownerId(owner), name));
    }

    private UserId ownerId(String owner) {
        Username username;
        try {
            username = new Username(owner);
        } catch (IllegalArgumentException e) {
            throw AapfException.notFound("No user named '" + owner + "'.");
        }
        return users.findByUsername(username)
                .orElseThrow(() -> AapfException.notFound("No user named '" + owner + "'."))
                .id();
    }
}
