package org.aapf.adapter.out.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.aapf.application.port.out.TokenCodec.Claims;
import org.aapf.application.port.out.TokenCodec.Kind;
import org.aapf.domain.user.UserId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class JwtTokenCodecTest {

    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final Instant NOW = Instant.parse("2024-05-06T07:08:09Z");

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final JwtTokenCodec codec = new JwtTokenCodec(SECRET, clock);

    @ParameterizedTest
    @EnumSource(Kind.class)
    void issuedTokens_verifyBackToTheSameClaims(Kind kind) {
        Claims claims = claims(kind);

        assertEquals(Optional.of(claims), codec.verify(codec.issue(claims), kind));
    }

    @Test
    void payload_carriesIssuerSubjectKindIdAndUsername() {
        Claims claims = claims(Kind.ACCESS);

        var jwt = JWT.decode(codec.issue(claims));

        assertEquals("HS256", jwt.getAlgorithm());
        assertEquals("aapf", jwt.getIssuer());
        assertEquals(claims.subject().toString(), jwt.getSubject());
        assertEquals("access", jwt.getClaim("type").asString());
        assertEquals(claims.id().toString(), jwt.getId());
        assertEquals(Map.of("username", "user1"), jwt.getClaim("user").asMap());
        assertEquals(NOW.plus(Duration.ofHours(1)), jwt.getExpiresAtAsInstant());
    }

    @Test
    void apiTokens_haveNoExpiry() {
        assertTrue(JWT.decode(codec.issue(claims(Kind.API))).getExpiresAtAsInstant() == null);
    }

    @Test
    void algNoneToken_isRefused() {
        String[] genuine = codec.issue(claims(Kind.ACCESS)).split("\\.");
        String header = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

        assertEquals(Optional.empty(), codec.verify(header + "." + genuine[1] + ".", Kind.ACCESS));
    }

    @Test
    void tokenSignedWithAnotherAlgorithmOrSecret_isRefused() {
        Claims claims = claims(Kind.ACCESS);
        String hs384 = resign(claims, Algorithm.HMAC384(SECRET));
        String otherSecret = resign(claims, Algorithm.HMAC256("another secret that is long enough!!"));

        assertEquals(Optional.empty(), codec.verify(hs384, Kind.ACCESS));
        assertEquals(Optional.empty(), codec.verify(otherSecret, Kind.ACCESS));
        assertEquals(Optional.of(claims), codec.verify(resign(claims, Algorithm.HMAC256(SECRET)), Kind.ACCESS),
                "the same token signed properly verifies, so only the signature made the difference");
    }

    @Test
    void flippedBit_isRefused() {
        String token = codec.issue(claims(Kind.ACCESS));
        int signatureStart = token.lastIndexOf('.') + 1;
        int payloadMiddle = token.indexOf('.') + 10;

        assertEquals(Optional.empty(), codec.verify(flipBit(token, signatureStart), Kind.ACCESS));
        assertEquals(Optional.empty(), codec.verify(flipBit(token, payloadMiddle), Kind.ACCESS));
    }

    @Test
    void expiredToken_isRefused() {
        String token = codec.issue(claims(Kind.ACCESS));
        JwtTokenCodec anHourLater = new JwtTokenCodec(SECRET, Clock.offset(clock, Duration.ofHours(1)));

        assertEquals(Optional.empty(), anHourLater.verify(token, Kind.ACCESS));
    }

    @Test
    void tokenOfAnotherKind_isRefused() {
        assertEquals(Optional.empty(), codec.verify(codec.issue(claims(Kind.ACCESS)), Kind.REFRESH));
        assertEquals(Optional.empty(), codec.verify(codec.issue(claims(Kind.REFRESH)), Kind.ACCESS));
        assertEquals(Optional.empty(), codec.verify(codec.issue(claims(Kind.API)), Kind.ACCESS));
    }

    @Test
    void tokenOfAnotherIssuer_isRefused() {
        String token = new JwtTokenCodec(SECRET, "someone-else", clock).issue(claims(Kind.ACCESS));

        assertEquals(Optional.empty(), codec.verify(token, Kind.ACCESS));
    }

    @Test
    void garbage_isRefused() {
        assertEquals(Optional.empty(), codec.verify("not a jwt", Kind.API));
        assertEquals(Optional.empty(), codec.verify("", Kind.API));
        assertEquals(Optional.empty(), codec.verify(null, Kind.API));
    }

    @Test
    void shortSecret_isRefused() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new JwtTokenCodec(new byte[31], clock));

        assertEquals("'secret' must be at least 32 bytes", error.getMessage());
    }

    private static Claims claims(Kind kind) {
        Optional<Instant> expiresAt = kind == Kind.API ? Optional.empty() : Optional.of(NOW.plus(Duration.ofHours(1)));
        return new Claims(kind, UserId.random(), "user1", UUID.randomUUID(), NOW, expiresAt);
    }

    private static String resign(Claims claims, Algorithm algorithm) {
        return JWT.create().withIssuer("aapf").withSubject(claims.subject().toString()).withClaim("type", "access")
                .withJWTId(claims.id().toString()).withIssuedAt(claims.issuedAt())
                .withExpiresAt(claims.expiresAt().orElseThrow()).withClaim("user", Map.of("username", "user1"))
                .sign(algorithm);
    }

    private static String flipBit(String token, int index) {
        char original = token.charAt(index);
        char flipped = original == 'A' ? 'B' : 'A';
        return token.substring(0, index) + flipped + token.substring(index + 1);
    }
}
