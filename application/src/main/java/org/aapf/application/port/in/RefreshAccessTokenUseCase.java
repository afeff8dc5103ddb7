package org.aapf.application.port.in;

/** Issues a new access token for the session a refresh token belongs to. */
public interface RefreshAccessTokenUseCase {

    /** @throws org.aapf.domain.error.AapfException {@code UNAUTHENTICATED} for a bad, expired or revoked refresh token. */
    String refresh(RefreshAccessTokenCommand command);

    record RefreshAccessTokenCommand(String refreshToken) {
    }
}
