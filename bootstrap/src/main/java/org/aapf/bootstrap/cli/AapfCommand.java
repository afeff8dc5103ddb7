package org.aapf.bootstrap.cli;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.aapf.bootstrap.config.ConfigException;
import org.aapf.domain.error.AapfException;
import org.aapf.embedded.catalogue.CatalogueException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code aapf}: the top-level command; see its subcommands. */
@Command(name = "aapf", mixinStandardHelpOptions = true, version = "AAPF 0.1.0",
        description = "AAPF WebAPI server: per-user Jupyter Notebook and Spark clusters on Docker or Kubernetes.",
        subcommands = {ServeCommand.class, UsersCommand.class, DoctorCommand.class, WorkspacesCommand.class,
            AuditCommand.class, CommandLine.HelpCommand.class})
public final class AapfCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Held so that a level set on it stays set (a logger nobody references may be collected with its level). */
    private static final Logger AAPF_LOG = Logger.getLogger("org.aapf");

    /**
     * The configured command line, with configuration and user errors printed as one line instead of a trace. A
     * one-shot command ({@code users}, {@code workspaces}, {@code audit}) prints what it did, not AAPF's progress log:
     * only warnings and errors are logged while it runs; {@code doctor} reports problems itself, so the components'
     * warnings, which would repeat them, are not logged either. {@code serve} logs everything.
     */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new AapfCommand());
        commandLine.setExecutionStrategy(parseResult -> {
            Object command = parseResult.subcommand() == null ? null
                    : parseResult.subcommand().commandSpec().userObject();
            if (command instanceof ServeCommand) {
                return new CommandLine.RunLast().execute(parseResult);
            }
            Level before = AAPF_LOG.getLevel();
            AAPF_LOG.setLevel(command instanceof DoctorCommand ? Level.SEVERE : Level.WARNING);
            try {
                return new CommandLine.RunLast().execute(parseResult);
            } finally {
                AAPF_LOG.setLevel(before);
            }
        });
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
            if (exception instanceof ConfigException || exception instanceof CatalogueException
                    || exception instanceof AapfException) {
                cmd.getErr().println("aapf: " + exception.getMessage());
                return 2;
            }
            throw exception;
        });
        return commandLine;
    }
}
