/** The {@code aapf} command line: {@code serve} and the operator's {@code users} commands. */
package org.aapf.bootstrap.cli;
