package org.aapf.bootstrap.cli;

import org.aapf.bootstrap.Logging;

/** The {@code aapf} executable. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        Logging.configure();
        System.exit(AapfCommand.commandLine().execute(args));
    }
}
