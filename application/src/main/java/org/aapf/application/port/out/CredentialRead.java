package org.aapf.application.port.out;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * A stored credential (a login session, an API token) as read to authenticate one request, with its owner's list
 * version ({@link ClusterRepository#listVersion}) when the same read could give it. Authentication reads the
 * credential on every request anyway; reading the version with it lets the request's cluster reads reuse what is
 * still exact without a second round trip to storage.
 *
 * @param credential the credential as stored
 * @param listVersion the owner's list version, read in the same statement as the credential; empty when the
 *     storage reads it separately
 */
public record CredentialRead<T>(T credential, OptionalLong listVersion) {

    public CredentialRead {
        Objects.requireNonNull(credential, "'credential' must not be null");
        Objects.requireNonNull(listVersion, "'listVersion' must not be null");
    }

    /** A credential read alone. */
    public static <T> CredentialRead<T> alone(T credential) {
        return new CredentialRead<>(credential, OptionalLong.empty());
    }
}
