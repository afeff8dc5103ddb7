/** Reusable in-memory fakes of the outbound ports and a settable clock, for tests only. */
package org.aapf.application.testing;
