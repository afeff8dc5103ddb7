package org.aapf.bootstrap;

import org.aapf.bootstrap.cli.AapfCommand;

/** The {@code aapf} executable. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (System.getProperty("java.util.logging.manager") == null) {
            System.setProperty("java.util.logging.manager", ShutdownSafeLogManager.class.getName());
        }
        Logging.configure();
        System.exit(AapfCommand.commandLine().execute(args));
    }
}
