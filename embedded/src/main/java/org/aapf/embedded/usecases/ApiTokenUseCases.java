package org.aapf.embedded.usecases;

import java.util.Objects;
import org.aapf.application.port.in.CreateApiTokenUseCase;
import org.aapf.application.port.in.DeleteApiTokenUseCase;
import org.aapf.application.port.in.GetApiTokenQuery;
import org.aapf.application.port.in.ListApiTokensQuery;

/** A user's long-lived API tokens: create (the secret is returned once), list, read, delete. */
public record ApiTokenUseCases(CreateApiTokenUseCase create, ListApiTokensQuery list, GetApiTokenQuery get,
        DeleteApiTokenUseCase delete) {

    public ApiTokenUseCases {
        Objects.requireNonNull(create, "'create' must not be null");
        Objects.requireNonNull(list, "'list' must not be null");
        Objects.requireNonNull(get, "'get' must not be null");
        Objects.requireNonNull(delete, "'delete' must not be null");
    }
}
