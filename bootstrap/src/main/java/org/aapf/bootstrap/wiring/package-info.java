/** Dagger wiring: which adapter fills which port, chosen from the configuration. */
package org.aapf.bootstrap.wiring;
