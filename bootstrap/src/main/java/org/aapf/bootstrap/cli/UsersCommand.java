package org.aapf.bootstrap.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.function.Consumer;
import org.aapf.application.port.in.AddUserUseCase.AddUserCommand;
import org.aapf.application.port.in.SetUserPasswordUseCase.SetUserPasswordCommand;
import org.aapf.application.port.in.UserView;
import org.aapf.bootstrap.config.ConfiguredAapf;
import org.aapf.domain.audit.AuditEntry;
import org.aapf.domain.error.AapfException;
import org.aapf.embedded.Aapf;
import org.aapf.embedded.usecases.UserUseCases;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code aapf users ...}: operator commands on accounts, against the same database the server uses. */
@Command(name = "users", mixinStandardHelpOptions = true, description = "Manage user accounts.",
        subcommands = {UsersCommand.Add.class, UsersCommand.Passwd.class, UsersCommand.ListUsers.class,
            UsersCommand.Remove.class, UsersLimitsCommand.class, UsersAdminCommand.class})
final class UsersCommand implements Runnable {

    /** The actor of the audit entries these commands write: whoever runs them has the server's configuration. */
    static final String COMMAND_LINE = "(command line)";

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Shared by the subcommands: configuration, output and running against a short-lived embedded AAPF. */
    abstract static class UserSubcommand implements Runnable {

        @Mixin
        ConfigOption config;

        @Spec
        CommandSpec spec;

        void withUsers(Consumer<UserUseCases> action) {
            try (Aapf aapf = ConfiguredAapf.builder(config.load(), System.getenv()).build()) {
                action.accept(aapf.users());
            }
        }

        /** As {@link #withUsers}, writing the outcome to the audit trail as done by the command line. */
        void withUsersAudited(String auditAction, String target, Consumer<UserUseCases> action) {
            withUsersAudited(auditAction, target, "", action);
        }

        /** As above, with {@code detail} (never a secret) in the entry. */
        void withUsersAudited(String auditAction, String target, String detail, Consumer<UserUseCases> action) {
            try (Aapf aapf = ConfiguredAapf.builder(config.load(), System.getenv()).build()) {
                AuditEntry.Outcome outcome = AuditEntry.Outcome.FAILED;
                try {
                    action.accept(aapf.users());
                    outcome = AuditEntry.Outcome.SUCCEEDED;
                } finally {
                    aapf.component().auditLog().record(new AuditEntry(Instant.now(), COMMAND_LINE, auditAction,
                            target, "", outcome, detail));
                }
            }
        }

        PrintWriter out() {
            return spec.commandLine().getOut();
        }

        /** The password from the option, else typed at the terminal, else the first line of standard input. */
        String password(String given) {
            if (given != null) {
                return given;
            }
            Console console = System.console();
            if (console != null) {
                char[] typed = console.readPassword("Password: ");
                return typed == null ? "" : new String(typed);
            }
            try {
                String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                if (line == null) {
                    throw AapfException.invalid("no password given: use --password or write it on standard input");
                }
                return line;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Create a user. The password comes from --password, the terminal, or standard input.")
    static final class Add extends UserSubcommand {
        @Parameters(paramLabel = "NAME", description = "Login name.")
        String name;

        @Option(names = "--password", paramLabel = "P", description = "Password (at least 8 characters).")
        String password;

        @Option(names = "--admin", description = "An admin: sees every user, and keeps password login when"
                + " auth.passwordLogin is false (a break-glass account).")
        boolean admin;

        @Override
        public void run() {
            withUsersAudited(admin ? "user.add.admin" : "user.add", name, users -> {
                UserView user = users.add().addUser(new AddUserCommand(name, password(password), admin));
                out().println("Added " + (admin ? "admin " : "user ") + user.username() + " (" + user.id() + ")");
            });
        }
    }

    @Command(name = "passwd", mixinStandardHelpOptions = true,
            description = "Set a user's password and end all of their sessions.")
    static final class Passwd extends UserSubcommand {
        @Parameters(paramLabel = "NAME", description = "Login name.")
        String name;

        @Option(names = "--password", paramLabel = "P", description = "New password (at least 8 characters).")
        String password;

        @Override
        public void run() {
            withUsersAudited("password.set", name, users -> {
                users.setPassword().setPassword(new SetUserPasswordCommand(name, password(password)));
                out().println("Password of " + name + " changed; their sessions were ended.");
            });
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List users.")
    static final class ListUsers extends UserSubcommand {
        @Override
        public void run() {
            withUsers(users -> users.list().listUsers().forEach(user -> out().printf("%s\t%s\t%s%n",
                    user.username(), user.id(), user.createdAt())));
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = "Remove a user with their sessions and API tokens.")
    static final class Remove extends UserSubcommand {
        @Parameters(paramLabel = "NAME", description = "Login name.")
        String name;

        @Override
        public void run() {
            withUsersAudited("user.remove", name, users -> {
                users.remove().removeUser(name);
                out().println("Removed user " + name);
            });
        }
    }
}
