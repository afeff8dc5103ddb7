package org.aapf.application.testing;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.aapf.application.port.out.TokenCodec;

/**
 * A {@link TokenCodec} that remembers what it issued: any string it did not issue is forged, and expiry and kind
 * are checked against the test clock like the real codec does.
 */
public final class FakeTokenCodec implements TokenCodec {

    private final Map<String, Claims> issued = new HashMap<>();
    private final Clock clock;

    public FakeTokenCodec(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String issue(Claims claims) {
        String token = "fake-" + claims.kind().name().toLowerCase() + "-" + (issued.size() + 1);
        issued.put(token, claims);
        return token;
    }

    @Override
    public Optional<Claims> verify(String token, Kind expected) {
        return Optional.ofNullable(issued.get(token))
                .filter(claims -> claims.kind() == expected)
                .filter(claims -> claims.expiresAt().map(exp -> clock.instant().isBefore(exp)).orElse(true));
    }

    /** What {@code token} says, whether or not it is still valid; for assertions. */
    public Claims claimsOf(String token) {
        return issued.get(token);
    }
}
