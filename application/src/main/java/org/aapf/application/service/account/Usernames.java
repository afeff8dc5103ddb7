package org.aapf.application.service.account;

import java.util.Optional;
import org.aapf.domain.error.AapfException;
import org.aapf.domain.user.Username;

/** Reads usernames where an invalid one must look exactly like an unknown one. */
final class Usernames {

    private Usernames() {
    }

    /** The username, or empty when {@code text} cannot be a username (so no such user exists). */
    static Optional<Username> parse(String text) {
        try {
            return Optional.of(new Username(text));
        } catch (AapfException invalid) {
            return Optional.empty();
        }
    }
}
