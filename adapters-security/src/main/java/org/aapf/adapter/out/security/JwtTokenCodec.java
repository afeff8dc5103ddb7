package org.aapf.adapter.out.security;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.auth0.jwt.interfaces.Verification;
import java.time.Clock;
import java.util.EnumMap;
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

    private final Algorithm algorithm;
    private final String issuer;
    private final Map<Kind, JWTVerifier> verifiers = new EnumMap<>(Kind.class);

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
        for (Kind kind : Kind.values()) {
            verifiers.put(kind, verifier(kind, clock));
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
        try {
            return claimsOf(verifiers.get(expected).verify(token), expected);
        } catch (JWTVerificationException | IllegalArgumentException e) {
            // Forged, expired, of another kind or malformed: all the same to the caller, who learns nothing more.
            return Optional.empty();
        }
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
