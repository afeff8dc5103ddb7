package org.aapf.domain.error;

/** Stable, machine-readable reason of an {@link AapfException}; adapters map it to their own status codes. */
public enum ErrorReason {
    /** The caller sent something malformed or not allowed (bad name, unknown image, duplicate...). */
    INVALID_INPUT,
    /** Credentials are missing, wrong, expired or revoked. */
    UNAUTHENTICATED,
    /** The caller is known but may not do this (not an admin, password login turned off). */
    FORBIDDEN,
    /** The resource does not exist for this caller. */
    NOT_FOUND,
    /** Too many attempts; the caller must wait. */
    THROTTLED,
    /** A dependency (backend, database) cannot serve the request now. */
    UNAVAILABLE,
    /** Anything unexpected. */
    INTERNAL
}
