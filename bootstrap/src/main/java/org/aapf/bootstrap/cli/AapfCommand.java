package org.aapf.bootstrap.cli;

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

    /** The configured command line, with configuration and user errors printed as one line instead of a trace. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new AapfCommand());
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
