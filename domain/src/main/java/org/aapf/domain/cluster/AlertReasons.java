package org.aapf.domain.cluster;

/** Alert reasons raised by AAPF itself rather than reported by a backend. */
public final class AlertReasons {

    /** The backend refused or failed to create or replace an instance; AAPF retries with backoff. */
    public static final String APPLY_FAILED = "ApplyFailed";
    /** AAPF cannot reach the backend; instance states shown are the last known ones. */
    public static final String BACKEND_UNREACHABLE = "BackendUnreachable";

    private AlertReasons() {
    }
}
