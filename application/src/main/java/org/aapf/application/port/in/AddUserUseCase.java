package org.aapf.application.port.in;

/** Operator command: creates an account. */
public interface AddUserUseCase {

    /** @throws org.aapf.domain.error.AapfException {@code INVALID_INPUT} for a bad or taken username or a weak password. */
    UserView addUser(AddUserCommand command);

    /** @param admin a local admin: may see every user, and keeps password login when it is turned off */
    record AddUserCommand(String username, String password, boolean admin) {

        public AddUserCommand(String username, String password) {
            this(username, password, false);
        }

        @Override
        public String toString() {
            return "AddUserCommand[username=" + username + ", password=redacted]";
        }
    }
}
