/** The server's entry point: starts the CLI, which wires the adapters to the use cases and runs them. */
package org.aapf.bootstrap;
