package org.aapf.application.port.in;

import java.time.Instant;
import org.aapf.domain.user.User;

/**
 * What an operator sees of a user account.
 *
 * @param singleSignOn whether the user came from the OpenID Connect provider (else: a local account)
 */
public record UserView(String id, String username, Instant createdAt, Instant passwordChangedAt, boolean admin,
        boolean singleSignOn) {

    public static UserView from(User user) {
        return new UserView(user.id().toString(), user.username().value(), user.createdAt(), user.passwordChangedAt(),
                user.isAdmin(), user.externalIdentity().isPresent());
    }
}
