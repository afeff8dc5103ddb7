package org.aapf.adapter.out.docker;

import com.github.dockerjava.api.exception.DockerException;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.function.Supplier;
import org.aapf.domain.error.AapfException;
import org.aapf.domain.error.ErrorReason;

/** Translates docker-java's exceptions into {@link AapfException}s, so no client type leaves the adapter. */
final class DockerErrors {

    private static final System.Logger LOG = System.getLogger(DockerErrors.class.getName());

    private DockerErrors() {
    }

    /** Runs an engine call, translating failures; {@code action} completes "could not ..." for the user. */
    static <T> T call(String action, Supplier<T> work) {
        try {
            return work.get();
        } catch (AapfException e) {
            throw e;
        } catch (RuntimeException e) {
            throw translate(action, e);
        }
    }

    static void run(String action, Runnable work) {
        call(action, () -> {
            work.run();
            return null;
        });
    }

    static AapfException translate(String action, RuntimeException e) {
        if (isUnreachable(e)) {
            // the reconciler logs an outage once (and a reminder), not every call that meets it
            LOG.log(Level.DEBUG, "Docker engine unreachable while trying to " + action + ": " + e);
            return AapfException.unavailable("The Docker engine cannot be reached", e);
        }
        LOG.log(Level.WARNING, "Docker engine call failed while trying to " + action, e);
        String status = e instanceof DockerException docker ? " (HTTP " + docker.getHttpStatus() + ")" : "";
        return new AapfException(ErrorReason.INTERNAL, "The Docker engine could not " + action + status, e);
    }

    /** True when the engine could not be talked to at all (socket missing, connection refused or cut, timeout). */
    static boolean isUnreachable(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException) {
                return true;
            }
        }
        return false;
    }
}
