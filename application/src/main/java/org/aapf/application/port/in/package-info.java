/** Inbound ports: one interface per use case, each with its command or query record. */
package org.aapf.application.port.in;
