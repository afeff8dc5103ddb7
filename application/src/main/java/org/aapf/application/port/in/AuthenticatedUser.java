package org.aapf.application.port.in;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.aapf.domain.session.SessionId;
import org.aapf.domain.token.ApiTokenId;
import org.aapf.domain.user.UserId;
import org.aapf.domain.user.Username;

/**
 * Who is calling, as proven by a bearer token: the user, and either the login session (access token) or the API
 * token that was presented.
 *
 * @param listVersion the user's list version as storage held it when the token was checked (read with the
 *     credential, see {@link ListClustersQuery#list(UserId, OptionalLong, Optional)}); empty when it was not read
 */
public record AuthenticatedUser(UserId id, Username username, Optional<SessionId> session,
        Optional<ApiTokenId> apiToken, OptionalLong listVersion) {

    public AuthenticatedUser {
        Objects.requireNonNull(id, "'id' must not be null");
        Objects.requireNonNull(username, "'username' must not be null");
        Objects.requireNonNull(session, "'session' must not be null");
        Objects.requireNonNull(apiToken, "'apiToken' must not be null");
        Objects.requireNonNull(listVersion, "'listVersion' must not be null");
    }

    public static AuthenticatedUser bySession(UserId id, Username username, SessionId session) {
        return bySession(id, username, session, OptionalLong.empty());
    }

    public static AuthenticatedUser bySession(UserId id, Username username, SessionId session,
            OptionalLong listVersion) {
        return new AuthenticatedUser(id, username, Optional.of(session), Optional.empty(), listVersion);
    }

    public static AuthenticatedUser byApiToken(UserId id, Username username, ApiTokenId token) {
        return byApiToken(id, username, token, OptionalLong.empty());
    }

    public static AuthenticatedUser byApiToken(UserId id, Username username, ApiTokenId token,
            OptionalLong listVersion) {
        return new AuthenticatedUser(id, username, Optional.empty(), Optional.of(token), listVersion);
    }
}
