package org.aapf.embedded.usecases;

import java.util.Objects;
import org.aapf.application.port.in.AddUserUseCase;
import org.aapf.application.port.in.ListUserUsageQuery;
import org.aapf.application.port.in.ListUsersQuery;
import org.aapf.application.port.in.SetAdminUseCase;
import org.aapf.application.port.in.SetUserLimitsUseCase;
import org.aapf.application.port.in.RemoveUserUseCase;
import org.aapf.application.port.in.SetUserPasswordUseCase;

/** The operator's account commands: add a user, set a password, list, remove, limits, admin rights. */
public record UserUseCases(AddUserUseCase add, SetUserPasswordUseCase setPassword, ListUsersQuery list,
        RemoveUserUseCase remove, SetUserLimitsUseCase setLimits, SetAdminUseCase setAdmin,
        ListUserUsageQuery usage) {

    public UserUseCases {
        Objects.requireNonNull(add, "'add' must not be null");
        Objects.requireNonNull(setPassword, "'setPassword' must not be null");
        Objects.requireNonNull(list, "'list' must not be null");
        Objects.requireNonNull(remove, "'remove' must not be null");
        Objects.requireNonNull(setLimits, "'setLimits' must not be null");
        Objects.requireNonNull(setAdmin, "'setAdmin' must not be null");
        Objects.requireNonNull(usage, "'usage' must not be null");
    }
}
