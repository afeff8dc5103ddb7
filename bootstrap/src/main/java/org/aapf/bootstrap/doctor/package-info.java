/** {@code aapf doctor}: checks of the database, the cluster backend and the catalogue, each with what to fix. */
package org.aapf.bootstrap.doctor;
