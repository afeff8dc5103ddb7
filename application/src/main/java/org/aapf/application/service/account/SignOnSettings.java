package org.aapf.application.service.account;

import java.util.Objects;
import java.util.Optional;

/**
 * How users log in besides single sign-on itself.
 *
 * @param passwordLogin false: only local admins (break-glass accounts added with {@code aapf users add --admin}) may
 *     still log in with a password; everybody else signs on through the provider
 * @param adminGroup the provider group whose members are AAPF admins; empty: nobody is made admin by the provider
 */
public record SignOnSettings(boolean passwordLogin, Optional<String> adminGroup) {

    public SignOnSettings {
        Objects.requireNonNull(adminGroup, "'adminGroup' must not be null (use empty)");
    }

    /** Password login for everybody; no provider group makes admins. */
    public static SignOnSettings defaults() {
        return new SignOnSettings(true, Optional.empty());
    }
}
