package org.aapf.application.testing;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.aapf.application.port.out.IdentityProvider;
import org.aapf.domain.error.AapfException;

/**
 * {@link IdentityProvider} for service tests: {@link #issue} hands out a code for an identity, bound to the nonce and
 * verifier of the request it is redeemed with; a code is redeemed once.
 */
public final class FakeIdentityProvider implements IdentityProvider {

    private final Map<String, ProvenIdentity> codes = new HashMap<>();
    private Optional<SignOnRequest> lastRequest = Optional.empty();

    @Override
    public String displayName() {
        return "Fake IdP";
    }

    @Override
    public URI authorizationUri(SignOnRequest request) {
        lastRequest = Optional.of(request);
        return URI.create("https://idp.example.org/auth?state=" + request.state());
    }

    /** A code the provider would send the browser back with, for {@code identity}. */
    public String issue(ProvenIdentity identity) {
        String code = "code-" + codes.size();
        codes.put(code, identity);
        return code;
    }

    public SignOnRequest lastRequest() {
        return lastRequest.orElseThrow();
    }

    @Override
    public ProvenIdentity redeem(String code, SignOnRequest request) {
        ProvenIdentity identity = codes.remove(code);
        if (identity == null || request.nonce().isEmpty() || request.codeVerifier().length() < 43) {
            throw AapfException.unauthenticated("The identity provider refused the sign-on; sign on again.");
        }
        return identity;
    }
}
