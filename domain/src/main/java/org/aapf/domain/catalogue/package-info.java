/** The operator's catalogue: the images users may run and the performance types (cpu, memory, GPU) they may pick. */
package org.aapf.domain.catalogue;
