/** The audit trail: who did what, when, from which address, with what outcome. */
package org.aapf.domain.audit;
