package org.aapf.application.testing;

import java.util.ArrayList;
import java.util.List;
import org.aapf.application.port.out.PasswordHasher;
import org.aapf.domain.user.Password;
import org.aapf.domain.user.PasswordHash;

/** A reversible stand-in for a slow hash that records every hash it was asked to verify against. */
public final class FakePasswordHasher implements PasswordHasher {

    private static final PasswordHash DECOY = new PasswordHash("$fake$decoy-that-no-password-matches");

    private final List<PasswordHash> verified = java.util.Collections.synchronizedList(new ArrayList<>());

    @Override
    public PasswordHash hash(Password password) {
        return new PasswordHash("$fake$" + password.value());
    }

    @Override
    public boolean verify(Password password, PasswordHash hash) {
        verified.add(hash);
        return hash.equals(hash(password));
    }

    @Override
    public PasswordHash decoy() {
        return DECOY;
    }

    /** The hashes verified against so far, oldest first. */
    public List<PasswordHash> verified() {
        synchronized (verified) {
            return List.copyOf(verified);
        }
    }
}
