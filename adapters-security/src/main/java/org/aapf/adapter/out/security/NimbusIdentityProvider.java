package org.aapf.adapter.out.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.aapf.application.port.out.IdentityProvider;
import org.aapf.domain.error.AapfException;
import org.aapf.domain.user.ExternalIdentity;

/**
 * The {@link IdentityProvider} port on Nimbus OAuth 2.0 SDK with OpenID Connect extensions. The provider's metadata is
 * fetched at the first sign-on (so AAPF starts while the provider is down) and kept; its signing keys are fetched
 * from the published JWK set, cached, and fetched again when a token names a key id the cache lacks (a key rotation).
 */
public final class NimbusIdentityProvider implements IdentityProvider {

    private static final System.Logger LOG = System.getLogger(NimbusIdentityProvider.class.getName());
    /** The asymmetric algorithms providers sign ID tokens with; never {@code none} or a shared-secret HMAC. */
    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384,
            JWSAlgorithm.RS512, JWSAlgorithm.PS256, JWSAlgorithm.ES256, JWSAlgorithm.ES384);
    static final String REFUSED = "The identity provider's answer could not be verified; sign on again.";

    private final OidcSettings settings;
    private final int timeoutMillis;
    private volatile Provider provider;

    public NimbusIdentityProvider(OidcSettings settings) {
        this.settings = settings;
        this.timeoutMillis = Math.toIntExact(settings.timeout().toMillis());
    }

    @Override
    public String displayName() {
        return settings.displayName();
    }

    @Override
    public URI authorizationUri(SignOnRequest request) {
        return new AuthenticationRequest.Builder(ResponseType.CODE, new Scope(settings.scopes().toArray(String[]::new)),
                new ClientID(settings.clientId()), settings.redirectUri())
                .endpointURI(provider().metadata().getAuthorizationEndpointURI())
                .state(new State(request.state()))
                .nonce(new Nonce(request.nonce()))
                .codeChallenge(new CodeVerifier(request.codeVerifier()), CodeChallengeMethod.S256)
                .build()
                .toURI();
    }

    @Override
    public ProvenIdentity redeem(String code, SignOnRequest request) {
        Provider idp = provider();
        TokenRequest tokenRequest = new TokenRequest(idp.metadata().getTokenEndpointURI(),
                new ClientSecretBasic(new ClientID(settings.clientId()), new Secret(settings.clientSecret())),
                new AuthorizationCodeGrant(new AuthorizationCode(code), settings.redirectUri(),
                        new CodeVerifier(request.codeVerifier())));
        TokenResponse response = send(tokenRequest);
        if (!response.indicatesSuccess()) {
            TokenErrorResponse error = response.toErrorResponse();
            LOG.log(System.Logger.Level.INFO, "The identity provider refused a code: {0}",
                    error.getErrorObject() == null ? "no error object" : error.getErrorObject().getCode());
            throw AapfException.unauthenticated("The identity provider refused the sign-on; sign on again.");
        }
        JWT idToken = ((OIDCTokenResponse) response.toSuccessResponse()).getOIDCTokens().getIDToken();
        return verify(idToken, new Nonce(request.nonce()));
    }

    /**
     * Verifies an ID token: signature by a published key, issuer, audience (this client), expiry and, when given,
     * the nonce; then reads the subject, the username claim and the group claim.
     *
     * @param nonce the nonce the sign-on sent, or null for a token obtained without one
     * @throws AapfException {@code UNAUTHENTICATED} when any check fails
     */
    public ProvenIdentity verify(String idToken, Nonce nonce) {
        try {
            return verify(JWTParser.parse(idToken), nonce);
        } catch (java.text.ParseException e) {
            throw AapfException.unauthenticated(REFUSED);
        }
    }

    private ProvenIdentity verify(JWT idToken, Nonce nonce) {
        IDTokenClaimsSet claims;
        try {
            claims = provider().validator().validate(idToken, nonce);
        } catch (BadJOSEException | JOSEException e) {
            LOG.log(System.Logger.Level.INFO, "An ID token was refused: {0}", e.getMessage());
            throw AapfException.unauthenticated(REFUSED);
        }
        Object username = claims.getClaim(settings.usernameClaim());
        return new ProvenIdentity(new ExternalIdentity(claims.getIssuer().getValue(), claims.getSubject().getValue()),
                username instanceof String text ? text : "", groups(claims.getClaim(settings.groupClaim())));
    }

    private static Set<String> groups(Object claim) {
        if (claim instanceof String one) {
            return Set.of(one);
        }
        if (claim instanceof List<?> many) {
            return Set.copyOf(many.stream().filter(String.class::isInstance).map(String.class::cast)
                    .filter(group -> !group.isBlank() && group.length() <= 255
                            && group.chars().noneMatch(Character::isISOControl))
                    .toList());
        }
        return Set.of();
    }

    private TokenResponse send(TokenRequest tokenRequest) {
        HTTPRequest http = tokenRequest.toHTTPRequest();
        http.setConnectTimeout(timeoutMillis);
        http.setReadTimeout(timeoutMillis);
        try {
            return OIDCTokenResponseParser.parse(http.send());
        } catch (IOException e) {
            throw AapfException.unavailable("The identity provider cannot be reached; try again later.", e);
        } catch (ParseException e) {
            LOG.log(System.Logger.Level.WARNING, "The identity provider's token response was malformed: {0}",
                    e.getMessage());
            throw AapfException.unauthenticated(REFUSED);
        }
    }

    /** The provider's metadata and validator, fetched once (two racing first sign-ons may both fetch). */
    private Provider provider() {
        Provider known = provider;
        if (known != null) {
            return known;
        }
        try {
            OIDCProviderMetadata metadata = OIDCProviderMetadata.resolve(new Issuer(settings.issuer()), timeoutMillis,
                    timeoutMillis);
            JWKSource<SecurityContext> keys = JWKSourceBuilder.create(metadata.getJWKSetURI().toURL(),
                    new DefaultResourceRetriever(timeoutMillis, timeoutMillis)).build();
            IDTokenValidator validator = new IDTokenValidator(metadata.getIssuer(), new ClientID(settings.clientId()),
                    new JWSVerificationKeySelector<>(ALGORITHMS, keys), null);
            validator.setMaxClockSkew(Math.toIntExact(settings.clockSkew().toSeconds()));
            provider = new Provider(metadata, validator);
            return provider;
        } catch (GeneralException | IOException | IllegalArgumentException e) {
            throw AapfException.unavailable("The identity provider cannot be reached; try again later.", e);
        }
    }

    private record Provider(OIDCProviderMetadata metadata, IDTokenValidator validator) {
    }
}
