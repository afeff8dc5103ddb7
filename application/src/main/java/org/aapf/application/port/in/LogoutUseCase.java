package org.aapf.application.port.in;

/** Ends the caller's session: its access and refresh tokens stop working at once. */
public interface LogoutUseCase {

    /** @throws org.aapf.domain.error.AapfException {@code INVALID_INPUT} when the caller used an API token (no session). */
    void logout(AuthenticatedUser caller);
}
