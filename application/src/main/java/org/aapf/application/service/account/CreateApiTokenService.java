package org.aapf.application.service.account;

import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.aapf.application.port.in.AuthenticatedUser;
import org.aapf.application.port.in.CreateApiTokenUseCase;
import org.aapf.application.port.out.ApiTokenRepository;
import org.aapf.application.port.out.LoginAttemptRepository;
import org.aapf.application.port.out.OwnerLock;
import org.aapf.application.port.out.PasswordHasher;
import org.aapf.application.port.out.TokenCodec;
import org.aapf.application.port.out.TokenCodec.Claims;
import org.aapf.application.port.out.TokenCodec.Kind;
import org.aapf.application.port.out.UserRepository;
import org.aapf.domain.error.AapfException;
import org.aapf.domain.token.ApiToken;
import org.aapf.domain.token.ApiTokenId;
import org.aapf.domain.token.SecretDigest;
import org.aapf.domain.token.TokenName;
import org.aapf.domain.user.Password;
import org.aapf.domain.user.User;
import org.aapf.domain.common.Timestamps;

/**
 * Creates a named, never-expiring API token after re-checking the caller's password (throttled per account like
 * logins); only its digest is stored. An account holds at most {@link #MAX_PER_ACCOUNT} tokens, counted under the
 * owner's lock so that racing creates cannot pass it together.
 */
public final class CreateApiTokenService implements CreateApiTokenUseCase {

    static final String WRONG_PASSWORD = "The password is wrong.";
    /** Far more than scripts need, few enough that one account cannot fill the database with them. */
    public static final int MAX_PER_ACCOUNT = 100;

    private final UserRepository users;
    private final ApiTokenRepository apiTokens;
    private final ThrottledPasswordCheck check;
    private final TokenCodec codec;
    private final OwnerLock lock;
    private final Clock clock;

    @Inject
    public CreateApiTokenService(UserRepository users, ApiTokenRepository apiTokens, PasswordHasher hasher,
            LoginAttemptRepository attempts, AccountSettings settings, TokenCodec codec, OwnerLock lock,
            Clock clock) {
        this.users = users;
        this.apiTokens = apiTokens;
        this.check = new ThrottledPasswordCheck(attempts, settings, hasher, clock);
        this.codec = codec;
        this.lock = lock;
        this.clock = clock;
    }

    @Override
    public CreatedApiToken create(CreateApiTokenCommand command) {
        TokenName name = TokenName.chosen(command.tokenName());
        AuthenticatedUser caller = command.caller();
        requirePassword(caller, command.password());
        return lock.whileLocked(caller.id(), () -> {
            List<ApiToken> held = apiTokens.listByOwner(caller.id());
            if (held.stream().anyMatch(token -> token.name().equals(name))) {
                throw duplicate(name);
            }
            if (held.size() >= MAX_PER_ACCOUNT) {
                throw AapfException.forbidden("You hold " + MAX_PER_ACCOUNT + " API tokens, the most one account"
                        + " may; delete one you no longer use (DELETE /api/v1/api-tokens/{tokenName}) first.");
            }
            Instant now = Timestamps.now(clock);
            ApiTokenId id = ApiTokenId.random();
            String secret = codec.issue(
                    new Claims(Kind.API, caller.id(), caller.username().value(), id.value(), now, Optional.empty()));
            apiTokens.add(ApiToken.issue(id, caller.id(), name, SecretDigest.sha256(secret), now));
            return new CreatedApiToken(name.value(), secret, now);
        });
    }

    /**
     * A local user proves the request with their password. A user from single sign-on has none they know: their
     * login session (a fresh sign-on at the provider) stands in for it, but an API token cannot mint another.
     */
    private void requirePassword(AuthenticatedUser caller, String password) {
        User user = users.findById(caller.id()).orElseThrow(() -> AapfException.unauthenticated(WRONG_PASSWORD));
        if (user.externalIdentity().isPresent() && password == null) {
            if (caller.session().isEmpty()) {
                throw AapfException.unauthenticated("An API token cannot create API tokens for a single sign-on"
                        + " user; use the WebUI or an access token.");
            }
            return;
        }
        if (password == null) {
            throw AapfException.invalid("'password' is required.");
        }
        if (!check.matches(LoginThrottle.Keys.account(user.username()), new Password(password), user::passwordHash)) {
            throw AapfException.unauthenticated(WRONG_PASSWORD);
        }
    }

    private static AapfException duplicate(TokenName name) {
        return AapfException.invalid("An API token named '" + name.value() + "' already exists.");
    }
}
