package org.aapf.bootstrap.cli;

import org.aapf.application.port.in.UserView;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code aapf users admin NAME --grant|--revoke}: admin rights after the account was added. */
@Command(name = "admin", mixinStandardHelpOptions = true,
        description = "Grant or revoke a user's admin rights. For a user from single sign-on the provider's admin"
                + " group decides again at the next sign-on.")
final class UsersAdminCommand extends UsersCommand.UserSubcommand {

    @Parameters(paramLabel = "NAME", description = "Login name.")
    String name;

    @ArgGroup(multiplicity = "1")
    Change change;

    static final class Change {
        @Option(names = "--grant", required = true, description = "Make the user an admin.")
        boolean grant;

        @Option(names = "--revoke", required = true, description = "Take the user's admin rights away.")
        boolean revoke;
    }

    @Override
    public void run() {
        withUsersAudited(change.grant ? "admin.grant" : "admin.revoke", name, users -> {
            UserView user = users.setAdmin().setAdmin(name, change.grant);
            out().println(user.username() + (user.admin() ? " is an admin." : " is not an admin."));
        });
    }
}
