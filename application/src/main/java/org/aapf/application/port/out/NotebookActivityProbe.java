package org.aapf.application.port.out;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Asks a running notebook server what its users are doing: Jupyter's {@code /api/kernels} ({@code execution_state},
 * {@code last_activity}), {@code /api/terminals} and {@code /api/status}, read without counting as activity
 * themselves.
 */
public interface NotebookActivityProbe {

    /**
     * @param notebook where the AAPF server reaches the notebook ({@link ClusterBackend#endpoint})
     * @param basePath the notebook server's base URL path, e.g. {@code /proxy/abc/jupyter}
     * @param token the notebook's Jupyter token
     * @return empty when the notebook cannot be asked right now. Never throws.
     */
    Optional<NotebookActivity> probe(Endpoint notebook, String basePath, String token);

    /**
     * What the notebook reported.
     *
     * @param busy some kernel is executing code right now
     * @param lastActivity the latest activity of any kernel, terminal or API request; empty when it reported none
     */
    record NotebookActivity(boolean busy, Optional<Instant> lastActivity) {

        public NotebookActivity {
            Objects.requireNonNull(lastActivity, "'lastActivity' must not be null");
        }
    }
}
