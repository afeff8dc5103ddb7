package org.aapf.application.port.in;

/** Logs a user in with username and password, starting a session. */
public interface LoginUseCase {

    /**
     * @throws org.aapf.domain.error.AapfException {@code UNAUTHENTICATED} with one message for unknown user and wrong
     *     password alike; {@code THROTTLED} with a retry delay after repeated failures for the account or the client
     *     address; {@code INVALID_INPUT} for a missing or oversized password.
     */
    TokenPair login(LoginCommand command);

    /** @param clientAddress the caller's network address, used to throttle guessing from one place */
    record LoginCommand(String username, String password, String clientAddress) {
    }

    record TokenPair(String accessToken, String refreshToken) {
    }
}
