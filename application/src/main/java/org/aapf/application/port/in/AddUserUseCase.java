package org.aapf.application.port.in;

/** Operator command: creates an account. */
public interface AddUserUseCase {

    /** @throws org.aapf.domain.error.AapfException {@code INVALID_INPUT} for a bad or taken username or a weak password. */
    UserView addUser(AddUserCommand command);

    record AddUserCommand(String username, String password) {
        @Override
        public String toString() {
            return "AddUserCommand[username=" + username + ", password=redacted]";
        }
    }
}
