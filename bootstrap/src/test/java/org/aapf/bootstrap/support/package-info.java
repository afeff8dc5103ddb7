/** Test support: a real AAPF server on loopback and a small JSON client for its API. */
package org.aapf.bootstrap.support;
