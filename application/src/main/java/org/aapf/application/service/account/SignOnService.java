package org.aapf.application.service.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import jakarta.inject.Inject;
import org.aapf.application.port.in.AuditLog;
import org.aapf.application.port.in.LoginUseCase.TokenPair;
import org.aapf.application.port.in.SignOnUseCase;
import org.aapf.application.port.out.IdentityProvider;
import org.aapf.application.port.out.IdentityProvider.ProvenIdentity;
import org.aapf.application.port.out.IdentityProvider.SignOnRequest;
import org.aapf.application.port.out.PasswordHasher;
import org.aapf.application.port.out.SessionRepository;
import org.aapf.application.port.out.SignOnRepository;
import org.aapf.application.port.out.TokenCodec;
import org.aapf.application.port.out.UserRepository;
import org.aapf.domain.audit.AuditEntry;
import org.aapf.domain.audit.AuditEntry.Outcome;
import org.aapf.domain.common.Timestamps;
import org.aapf.domain.error.AapfException;
import org.aapf.domain.token.SecretDigest;
import org.aapf.domain.user.Password;
import org.aapf.domain.user.User;
import org.aapf.domain.user.UserId;
import org.aapf.domain.user.Username;

/**
 * Single sign-on: each attempt's state, nonce and PKCE verifier are random, kept (state as a digest) for
 * {@link #ATTEMPT_TTL} and used once; the provider's answer is verified by the {@link IdentityProvider}; a user is
 * found by the provider's subject, so a rename at the provider cannot reach another account, and created at the first
 * sign-on under the provider's username claim, which must be free.
 */
public final class SignOnService implements SignOnUseCase {

    static final Duration ATTEMPT_TTL = Duration.ofMinutes(10);
    static final Duration HANDOFF_TTL = Duration.ofMinutes(1);
    static final String NOT_CONFIGURED = "Single sign-on is not configured on this server.";
    static final String STATE_MISMATCH = "This sign-on was not started by this browser, or it was already used;"
            + " start again.";
    static final String UNKNOWN_HANDOFF = "Unknown, used or expired sign-on code; sign on again.";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Optional<IdentityProvider> provider;
    private final SignOnRepository attempts;
    private final UserRepository users;
    private final PasswordHasher hasher;
    private final SessionStart sessionStart;
    private final SignOnSettings settings;
    private final AuditLog audit;
    private final Clock clock;

    @Inject
    public SignOnService(Optional<IdentityProvider> provider, SignOnRepository attempts, UserRepository users,
            SessionRepository sessions, PasswordHasher hasher, TokenCodec codec, AccountSettings accountSettings,
            SignOnSettings settings, AuditLog audit, Clock clock) {
        this.provider = provider;
        this.attempts = attempts;
        this.users = users;
        this.hasher = hasher;
        this.sessionStart = new SessionStart(sessions, codec, accountSettings);
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public SignOnOptions options() {
        return new SignOnOptions(settings.passwordLogin(), provider.map(IdentityProvider::displayName));
    }

    @Override
    public SignOnStart start() {
        IdentityProvider idp = provider.orElseThrow(() -> AapfException.notFound(NOT_CONFIGURED));
        SignOnRequest request = new SignOnRequest(random(32), random(32), random(48));
        Instant now = Timestamps.now(clock);
        attempts.removeExpired(now);
        attempts.savePending(SecretDigest.sha256(request.state()), request, now.plus(ATTEMPT_TTL));
        return new SignOnStart(idp.authorizationUri(request), request.state());
    }

    /** Every completed or refused sign-on goes into the audit trail as {@code login.sso}, like a password login. */
    @Override
    public String complete(SignOnCallback callback) {
        IdentityProvider idp = provider.orElseThrow(() -> AapfException.notFound(NOT_CONFIGURED));
        String[] actor = {"(unknown)"};
        try {
            User user = signOn(idp, callback, actor);
            String handoff = random(32);
            attempts.saveHandoff(SecretDigest.sha256(handoff), user.id(), Timestamps.now(clock).plus(HANDOFF_TTL));
            audit(callback, user.username().value(), Outcome.SUCCEEDED, "through " + idp.displayName());
            return handoff;
        } catch (AapfException e) {
            audit(callback, actor[0], Outcome.REFUSED, e.getMessage());
            throw e;
        }
    }

    /** The user the provider's answer proves; {@code actor[0]} becomes the provider's username once it is known. */
    private User signOn(IdentityProvider idp, SignOnCallback callback, String[] actor) {
        if (isBlank(callback.state()) || isBlank(callback.browserState())
                || !MessageDigest.isEqual(bytes(callback.state()), bytes(callback.browserState()))) {
            throw AapfException.invalid(STATE_MISMATCH);
        }
        Instant now = Timestamps.now(clock);
        SignOnRequest pending = attempts.takePending(SecretDigest.sha256(callback.state()), now)
                .orElseThrow(() -> AapfException.invalid(STATE_MISMATCH));
        SignOnRequest request = new SignOnRequest(callback.state(), pending.nonce(), pending.codeVerifier());
        if (callback.error() != null) {
            throw AapfException.unauthenticated("The identity provider refused the sign-on ("
                    + callback.error().replaceAll("[^A-Za-z0-9_]", "") + ").");
        }
        if (isBlank(callback.code())) {
            throw AapfException.invalid("'code' is required");
        }
        ProvenIdentity proven = idp.redeem(callback.code(), request);
        actor[0] = proven.username();
        return findOrSignUp(proven, now);
    }

    private void audit(SignOnCallback callback, String actor, Outcome outcome, String detail) {
        audit.record(new AuditEntry(clock.instant(), actor, "login.sso", "", callback.clientAddress(), outcome,
                detail));
    }

    @Override
    public TokenPair redeem(String oneTimeCode) {
        provider.orElseThrow(() -> AapfException.notFound(NOT_CONFIGURED));
        if (isBlank(oneTimeCode)) {
            throw AapfException.invalid(UNKNOWN_HANDOFF);
        }
        Instant now = Timestamps.now(clock);
        UserId id = attempts.takeHandoff(SecretDigest.sha256(oneTimeCode), now)
                .orElseThrow(() -> AapfException.invalid(UNKNOWN_HANDOFF));
        User user = users.findById(id).orElseThrow(() -> AapfException.invalid(UNKNOWN_HANDOFF));
        return sessionStart.begin(user, now);
    }

    private User findOrSignUp(ProvenIdentity proven, Instant now) {
        boolean admin = settings.adminGroup().map(proven.groups()::contains).orElse(false);
        Optional<User> linked = users.findByExternalIdentity(proven.identity());
        if (linked.isPresent()) {
            User user = linked.get();
            user.applyProviderClaims(proven.groups(), admin);
            users.update(user);
            return user;
        }
        Username username = Usernames.parse(proven.username()).orElseThrow(() -> AapfException.forbidden(
                "The identity provider's username is not a valid AAPF username (1-64 letters, digits, '.', '_', '@',"
                        + " '-'); ask the operator to choose another username claim."));
        if (users.findByUsername(username).isPresent()) {
            throw AapfException.forbidden("The username '" + username.value() + "' belongs to another AAPF account;"
                    + " ask an admin.");
        }
        User user = User.signUp(username, hasher.hash(new Password(random(32))), proven.identity(), proven.groups(),
                admin, now);
        users.add(user);
        return user;
    }

    /** {@code bytes} random bytes, URL-safe Base64 without padding (48 bytes: a 64-character PKCE verifier). */
    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
