package org.aapf.bootstrap.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.aapf.bootstrap.doctor.Doctor;
import org.aapf.bootstrap.doctor.Finding;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code aapf doctor}: checks what the server depends on and prints what to fix; exit code 1 when something is. */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = "Check the database, the cluster backend and the catalogue's images with this configuration, "
                + "and print what to fix. Exit code 0: all fine; 1: something to fix; 2: invalid configuration.")
final class DoctorCommand implements Callable<Integer> {

    @Mixin
    private ConfigOption config;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<Finding> findings = new Doctor(config.load()).examine();
        out.println("AAPF doctor");
        findings.forEach(finding -> out.println("  " + finding.text()));
        long problems = findings.stream().filter(f -> f.verdict() == Finding.Verdict.FAIL).count();
        out.println(problems == 0 ? "No problems found." : problems + (problems == 1 ? " problem" : " problems")
                + " found.");
        out.flush();
        return problems == 0 ? 0 : 1;
    }
}
