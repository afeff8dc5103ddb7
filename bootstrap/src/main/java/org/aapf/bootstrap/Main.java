package org.aapf.bootstrap;

import org.aapf.bootstrap.cli.AapfCommand;

/** The {@code aapf} executable. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        Logging.configure();
        System.exit(AapfCommand.commandLine().execute(args));
    }
}
