package org.aapf.adapter.in.http;

import java.time.Instant;
import java.util.Optional;
import org.aapf.application.port.in.GetProfileQuery;
import org.aapf.application.port.in.LoginUseCase.TokenPair;
import org.aapf.application.port.in.SignOnUseCase;
import org.aapf.application.port.in.UserView;
import org.aapf.domain.error.AapfException;
import org.aapf.domain.user.UserId;

/**
 * A server without single sign-on, whose one user ({@link FakeAccounts#USER}) is no admin. The sign-on itself is
 * tested against the real services and a real Keycloak (bootstrap's {@code SingleSignOnIT}).
 */
final class FakeSignOn implements SignOnUseCase, GetProfileQuery {

    static final UserView PROFILE = new UserView(FakeAccounts.USER.id().toString(), FakeAccounts.USERNAME,
            Instant.parse("2017-08-01T00:00:00Z"), Instant.parse("2017-08-01T00:00:00Z"), false, false);

    @Override
    public SignOnOptions options() {
        return new SignOnOptions(true, Optional.empty());
    }

    @Override
    public SignOnStart start() {
        throw AapfException.notFound("Single sign-on is not configured on this server.");
    }

    @Override
    public String complete(SignOnCallback callback) {
        throw AapfException.notFound("Single sign-on is not configured on this server.");
    }

    @Override
    public TokenPair redeem(String oneTimeCode) {
        throw AapfException.invalid("Unknown, used or expired sign-on code; sign on again.");
    }

    @Override
    public UserView profile(UserId caller) {
        return PROFILE;
    }
}
