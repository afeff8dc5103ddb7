/** Dagger wiring: which adapter fills which port, built from already resolved {@link org.aapf.embedded.wiring.CoreSettings}. */
package org.aapf.embedded.wiring;
