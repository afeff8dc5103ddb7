/** The server's entry point: the CLI runs the embedded AAPF (org.aapf.embedded) behind its own HTTP listener. */
package org.aapf.bootstrap;
