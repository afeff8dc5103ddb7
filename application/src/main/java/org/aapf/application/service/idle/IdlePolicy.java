package org.aapf.application.service.idle;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Decides, from when a notebook was last used and since when it runs, whether to keep, warn or stop it. */
final class IdlePolicy {

    /** What to do with one cluster now. */
    enum Verdict {
        KEEP, WARN_IDLE, STOP_IDLE, WARN_LIFETIME, STOP_LIFETIME
    }

    private final IdleSettings settings;

    IdlePolicy(IdleSettings settings) {
        this.settings = settings;
    }

    /**
     * @param lastActivity the latest activity seen (at least the time the notebook was first seen running)
     * @param runningSince when the notebook instance was created; empty when unknown
     * @param warned whether a warning was given since {@code lastActivity}
     */
    Verdict decide(Instant lastActivity, Optional<Instant> runningSince, Instant now, boolean warned) {
        if (settings.maxLifetime().isPresent() && runningSince.isPresent()) {
            Duration lifetime = settings.maxLifetime().get();
            Duration running = Duration.between(runningSince.get(), now);
            if (running.compareTo(lifetime) >= 0) {
                return Verdict.STOP_LIFETIME;
            }
            if (!warned && running.compareTo(lifetime.minus(settings.warningLead(lifetime))) >= 0) {
                return Verdict.WARN_LIFETIME;
            }
        }
        if (!settings.idleShutdownOn()) {
            return Verdict.KEEP;
        }
        Duration idle = Duration.between(lastActivity, now);
        if (idle.compareTo(settings.timeout()) >= 0) {
            return Verdict.STOP_IDLE;
        }
        Duration warnAt = settings.timeout().minus(settings.warningLead(settings.timeout()));
        return !warned && idle.compareTo(warnAt) >= 0 ? Verdict.WARN_IDLE : Verdict.KEEP;
    }

    /** A duration as people read it: {@code 45 s}, {@code 4 min 30 s}, {@code 2 h 5 min}. */
    static String describe(Duration duration) {
        long seconds = Math.max(0, (duration.toMillis() + 500) / 1000);
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min" + (seconds % 60 == 0 ? "" : " " + seconds % 60 + " s");
        }
        long minutes = seconds / 60 % 60;
        return seconds / 3600 + " h" + (minutes == 0 ? "" : " " + minutes + " min");
    }
}
