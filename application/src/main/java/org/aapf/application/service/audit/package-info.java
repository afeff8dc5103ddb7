/** The audit trail's use cases, and the housekeeping that keeps the trail and old cluster events within retention. */
package org.aapf.application.service.audit;
