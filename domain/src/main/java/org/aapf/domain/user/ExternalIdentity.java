package org.aapf.domain.user;

/**
 * Who a user is at an OpenID Connect provider: the issuer and its stable subject identifier ({@code iss}, {@code sub}).
 * Linking a user to this pair, not to a username claim, means a rename at the provider cannot take over another
 * account.
 */
public record ExternalIdentity(String issuer, String subject) {

    public ExternalIdentity {
        if (issuer == null || issuer.isBlank() || issuer.length() > 1024) {
            throw new IllegalArgumentException("'issuer' must be 1-1024 characters");
        }
        if (subject == null || subject.isBlank() || subject.length() > 255) {
            throw new IllegalArgumentException("'subject' must be 1-255 characters");
        }
    }
}
