/** Outbound ports, named by the role the application needs filled (repositories, hashing, tokens, backends). */
package org.aapf.application.port.out;
