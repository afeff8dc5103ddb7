package org.aapf.adapter.out.k8s;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.Set;
import java.util.function.Supplier;
import org.aapf.domain.error.AapfException;
import org.aapf.domain.error.ErrorReason;

/** Translates fabric8's exceptions into {@link AapfException}s; the detail goes to the log only. */
final class KubernetesErrors {

    static final int NOT_FOUND = 404;
    static final int CONFLICT = 409;
    private static final Set<Integer> GATEWAY_CODES = Set.of(502, 503, 504);
    private static final System.Logger LOG = System.getLogger(KubernetesErrors.class.getName());

    private KubernetesErrors() {
    }

    /** Runs {@code body}, translating any client failure; {@code action} completes "Kubernetes could not ...". */
    static <T> T call(String action, Supplier<T> body) {
        try {
            return body.get();
        } catch (KubernetesClientException e) {
            throw translate(action, e);
        }
    }

    /** Like {@link #call(String, Supplier)} without a result. */
    static void run(String action, Runnable body) {
        call(action, () -> {
            body.run();
            return null;
        });
    }

    /**
     * The API server's refusals are logged with their detail (the caller's message hides it); that it cannot be
     * reached is not, per call: the reconciler reports an outage once, with a reminder while it lasts.
     */
    static AapfException translate(String action, KubernetesClientException e) {
        if (unreachable(e)) {
            LOG.log(Level.DEBUG, "Kubernetes could not {0}: {1}", action, e.toString());
            return AapfException.unavailable("The Kubernetes API server cannot be reached; try again later.", e);
        }
        LOG.log(Level.WARNING, "Kubernetes could not {0}: HTTP {1}: {2}", action, e.getCode(), e.getMessage());
        return new AapfException(ErrorReason.INTERNAL, "Kubernetes could not " + action + ".", e);
    }

    private static boolean unreachable(KubernetesClientException e) {
        if (GATEWAY_CODES.contains(e.getCode())) {
            return true;
        }
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException) {
                return true;
            }
        }
        return false;
    }
}
