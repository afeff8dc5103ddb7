package org.aapf.application.service.reconcile;

/**
 * This process can no longer be sure it holds the reconciler lease: the pass stops before its next write, and the
 * next pass (here, or in the new leader) starts from a fresh observation. Never shown to a user.
 */
final class LeaseLapsedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    LeaseLapsedException(String message) {
        super(message);
    }

    LeaseLapsedException(String message, Throwable cause) {
        super(message, cause);
    }
}
