package org.aapf.embedded.usecases;

import java.util.Objects;
import org.aapf.application.port.in.AuthenticateUseCase;
import org.aapf.application.port.in.ChangePasswordUseCase;
import org.aapf.application.port.in.LoginUseCase;
import org.aapf.application.port.in.LogoutUseCase;
import org.aapf.application.port.in.RefreshAccessTokenUseCase;

/** The sign-in use cases: log in, check an access or API token, refresh, log out, change one's password. */
public record AccountUseCases(LoginUseCase login, AuthenticateUseCase authenticate, RefreshAccessTokenUseCase refresh,
        LogoutUseCase logout, ChangePasswordUseCase changePassword) {

    public AccountUseCases {
        Objects.requireNonNull(login, "'login' must not be null");
        Objects.requireNonNull(authenticate, "'authenticate' must not be null");
        Objects.requireNonNull(refresh, "'refresh' must not be null");
        Objects.requireNonNull(logout, "'logout' must not be null");
        Objects.requireNonNull(changePassword, "'changePassword' must not be null");
    }
}
