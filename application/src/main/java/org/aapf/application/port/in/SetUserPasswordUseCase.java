package org.aapf.application.port.in;

/** Operator command: sets a user's password without the old one, revoking all the user's sessions. */
public interface SetUserPasswordUseCase {

    /** @throws org.aapf.domain.error.AapfException {@code NOT_FOUND} for an unknown user, {@code INVALID_INPUT} for a weak password. */
    void setPassword(SetUserPasswordCommand command);

    record SetUserPasswordCommand(String username, String password) {
        @Override
        public String toString() {
            return "SetUserPasswordCommand[username=" + username + ", password=redacted]";
        }
    }
}
