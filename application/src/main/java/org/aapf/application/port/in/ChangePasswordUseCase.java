package org.aapf.application.port.in;

/** Lets a user change their own password; all their sessions are revoked. */
public interface ChangePasswordUseCase {

    /**
     * @throws org.aapf.domain.error.AapfException {@code UNAUTHENTICATED} when {@code oldPassword} is wrong,
     *     {@code INVALID_INPUT} when the new password is too short or too long.
     */
    void changePassword(ChangePasswordCommand command);

    record ChangePasswordCommand(AuthenticatedUser caller, String oldPassword, String newPassword) {
    }
}
