package org.aapf.application.port.out;

import java.util.Map;
import org.aapf.domain.quota.Limits;
import org.aapf.domain.user.UserId;

/** Stores each user's overrides of the operator's default {@link Limits}; a kind without an override keeps the default. */
public interface UserLimitsRepository {

    /** The user's overrides; {@link Limits#NONE} when none were set (or the user is unknown). */
    Limits overridesOf(UserId user);

    /**
     * Replaces the user's overrides; {@link Limits#NONE} removes them all.
     *
     * @throws org.aapf.domain.error.AapfException {@code NOT_FOUND} when the user does not exist
     */
    void save(UserId user, Limits overrides);

    /** Every user's overrides that are not {@link Limits#NONE}. */
    Map<UserId, Limits> allOverrides();
}
