package org.aapf.adapter.out.security;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.auth0.jwt.interfaces.Verification;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.aapf.application.port.out.TokenCodec;
import org.aapf.domain.user.UserId;

/**
 * Encodes tokens as JWTs signed with HMAC-SHA256 and the server's secret. The algorithm is fixed here: a token whose
 * header names another one (including {@code none}) never verifies.
 *
 * <p>A token is decoded once and checked by the verifier of the kind it names. What verified is remembered (a bounded
 * cache keyed by the whole token, so by its signature too): a client that presents the same token again skips the
 * parsing and the HMAC, and only the expiry is checked again. Revocation is not a matter of this class; the account
 * services ask the database on every request.
 */
public final class JwtTokenCodec implements TokenCodec {

    public static final String DEFAULT_ISSUER = "aapf";
    public static final int MIN_SECRET_BYTES = 32;

    /** Another server process of ours may run a second or so ahead; allow that much for "issued at". */
    private static final long ISSUED_AT_LEEWAY_SECONDS = 5;

    /** The token-kind claim, named as in the published reference's example payload. */
    private static final String KIND = "type";
    private static final String USER = "user";
    private static final String USERNAME = "username";

    /** Tokens in use at once by a busy server's clients; each entry costs well under a kilobyte. */
    private static final int VERIFIED_TOKENS = 10_000;
    private static final Duration VERIFIED_IDLE = Duration.ofMinutes(10);

    private final Algorithm algorithm;
    private final String issuer;
    private final Clock clock;
    private final Map<Kind, JWTVerifier> verifiers = new EnumMap<>(Kind.class);
    private final Map<String, Kind> kindsByName = new HashMap<>();
    private final Cache<String, Claims> verified = Caffeine.newBuilder()
            .maximumSize(VERIFIED_TOKENS)
            .expireAfterAccess(VERIFIED_IDLE)
            .executor(Runnable::run)
            .build();

    /** A codec with the {@link #DEFAULT_ISSUER}. */
    public JwtTokenCodec(byte[] secret, Clock clock) {
        this(secret, DEFAULT_ISSUER, clock);
    }

    /**
     * @param secret the HMAC key, at least {@link #MIN_SECRET_BYTES} bytes (copied)
     * @param issuer the {@code iss} claim written and required
     * @param clock the time expiry is checked against
     */
    public JwtTokenCodec(byte[] secret, String issuer, Clock clock) {
        Objects.requireNonNull(secret, "'secret' must not be null");
        if (secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("'secret' must be at least " + MIN_SECRET_BYTES + " bytes");
        }
        if (issuer == null || issuer.isBlank()) {
            throw new IllegalArgumentException("'issuer' must not be blank");
        }
        Objects.requireNonNull(clock, "'clock' must not be null");
        this.algorithm = Algorithm.HMAC256(secret);
        this.issuer = issuer;
        this.clock = clock;
        for (Kind kind : Kind.values()) {
            verifiers.put(kind, verifier(kind, clock));
            kindsByName.put(name(kind), kind);
        }
    }

    @Override
    public String issue(Claims claims) {
        var builder = JWT.create()
                .withIssuer(issuer)
                .withSubject(claims.subject().toString())
                .withClaim(KIND, name(claims.kind()))
                .withJWTId(claims.id().toString())
                .withIssuedAt(claims.issuedAt())
                .withClaim(USER, Map.of(USERNAME, claims.username()));
        claims.expiresAt().ifPresent(builder::withExpiresAt);
        return builder.sign(algorithm);
    }

    @Override
    public Optional<Claims> verify(String token, Kind expected) {
        if (token == null) {
            return Optional.empty();
        }
        Claims claims = verified.getIfPresent(token);
        if (claims == null) {
            claims = verifyOnce(token);
            if (claims == null) {
                return Optional.empty();
            }
            verified.put(token, claims);
        }
        if (claims.kind() != expected || expired(claims)) {
            return Optional.empty();
        }
        return Optional.of(claims);
    }

    /** The claims of a token this server signed, checked by the verifier of its own kind; null for anything else. */
    private Claims verifyOnce(String token) {
        try {
            DecodedJWT decoded = JWT.decode(token);
            Kind kind = kindsByName.get(decoded.getClaim(KIND).asString());
            if (kind == null) {
                return null;
            }
            return claimsOf(verifiers.get(kind).verify(decoded), kind).orElse(null);
        } catch (JWTVerificationException | IllegalArgumentException e) {
            // Forged, expired, of another kind or malformed: all the same to the caller, who learns nothing more.
            return null;
        }
    }

    /** As java-jwt checks {@code exp}: in whole seconds, valid through its last second. */
    private boolean expired(Claims claims) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        return claims.expiresAt().map(now::isAfter).orElse(false);
    }

    private JWTVerifier verifier(Kind kind, Clock clock) {
        Verification verification = JWT.require(algorithm)
                .withIssuer(issuer)
                .withClaim(KIND, name(kind))
                .withClaimPresence("sub")
                .withClaimPresence("jti")
                .withClaimPresence("iat")
                .acceptIssuedAt(ISSUED_AT_LEEWAY_SECONDS);
        if (kind != Kind.API) {
            verification = verification.withClaimPresence("exp");
        }
        return ((JWTVerifier.BaseVerification) verification).build(clock);
    }

    /** The claims of a verified token, or empty when a claim we need is missing or of the wrong type. */
    private static Optional<Claims> claimsOf(DecodedJWT jwt, Kind kind) {
        Map<String, Object> user = jwt.getClaim(USER).asMap();
        if (user == null || !(user.get(USERNAME) instanceof String username)) {
            return Optional.empty();
        }
        return Optional.of(new Claims(kind, UserId.parse(jwt.getSubject()), username, UUID.fromString(jwt.getId()),
                jwt.getIssuedAtAsInstant(), Optional.ofNullable(jwt.getExpiresAtAsInstant())));
    }

    private static String name(Kind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }
}
