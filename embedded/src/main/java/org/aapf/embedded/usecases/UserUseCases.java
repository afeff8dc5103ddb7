package org.aapf.embedded.usecases;

import java.util.Objects;
import org.aapf.application.port.in.AddUserUseCase;
import org.aapf.application.port.in.ListUsersQuery;
import org.aapf.application.port.in.RemoveUserUseCase;
import org.aapf.application.port.in.SetUserPasswordUseCase;

/** The operator's account commands: add a user, set a password, list, remove. */
public record UserUseCases(AddUserUseCase add, SetUserPasswordUseCase setPassword, ListUsersQuery list,
        RemoveUserUseCase remove) {

    public UserUseCases {
        Objects.requireNonNull(add, "'add' must not be null");
        Objects.requireNonNull(setPassword, "'setPassword' must not be null");
        Objects.requireNonNull(list, "'list' must not be null");
        Objects.requireNonNull(remove, "'remove' must not be null");
    }
}
