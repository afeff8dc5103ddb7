package org.aapf.bootstrap.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import org.aapf.application.port.in.PruneOrphanWorkspacesUseCase.PruneCommand;
import org.aapf.application.port.out.Workspace;
import org.aapf.bootstrap.config.ConfiguredAapf;
import org.aapf.bootstrap.doctor.WorkspaceLines;
import org.aapf.domain.error.AapfException;
import org.aapf.embedded.Aapf;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code aapf workspaces ...}: operator commands on notebook workspaces whose cluster row is missing. */
@Command(name = "workspaces", mixinStandardHelpOptions = true,
        description = "Manage notebook workspaces whose AACluster has no row in the database (orphans).",
        subcommands = {WorkspacesCommand.ListOrphans.class, WorkspacesCommand.Prune.class})
final class WorkspacesCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List the orphan workspaces with their size and age.")
    static final class ListOrphans implements Callable<Integer> {

        @Mixin
        ConfigOption config;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (Aapf aapf = ConfiguredAapf.builder(config.load(), System.getenv()).build()) {
                List<Workspace> orphans = aapf.component().orphanWorkspaces().listOrphans();
                orphans.forEach(orphan -> out.println(WorkspaceLines.line(orphan)));
                out.println(orphans.size() + " orphan workspaces.");
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "prune", mixinStandardHelpOptions = true,
            description = "Remove the orphan workspaces created longer ago than --older-than, with their files.")
    static final class Prune implements Callable<Integer> {

        @Mixin
        ConfigOption config;

        @Spec
        CommandSpec spec;

        @Option(names = "--older-than", required = true, paramLabel = "DURATION",
                description = "An ISO-8601 duration such as P7D (7 days) or PT12H.")
        String olderThan;

        @Override
        public Integer call() {
            Duration age = parse(olderThan);
            PrintWriter out = spec.commandLine().getOut();
            try (Aapf aapf = ConfiguredAapf.builder(config.load(), System.getenv()).build()) {
                List<Workspace> removed = aapf.component().pruneOrphanWorkspaces().prune(new PruneCommand(age));
                removed.forEach(workspace -> out.println("removed " + WorkspaceLines.line(workspace)));
                out.println(removed.size() + " orphan workspaces removed.");
            }
            out.flush();
            return 0;
        }

        private static Duration parse(String text) {
            try {
                return Duration.parse(text);
            } catch (DateTimeParseException e) {
                throw AapfException.invalid("'--older-than' must be an ISO-8601 duration such as P7D, not '" + text
                        + "'");
            }
        }
    }
}
