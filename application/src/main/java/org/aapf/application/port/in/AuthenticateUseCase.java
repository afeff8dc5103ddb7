package org.aapf.application.port.in;

/** Turns a bearer token (an access token or an API token) into the calling user. */
public interface AuthenticateUseCase {

    /**
     * @throws org.aapf.domain.error.AapfException {@code UNAUTHENTICATED} when the token is malformed, forged, expired,
     *     of another kind (a refresh token), or revoked (logged-out session, deleted API token).
     */
    AuthenticatedUser authenticate(String bearerToken);
}
