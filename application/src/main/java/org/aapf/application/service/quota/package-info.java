/** Per-user limits: what a user's AAClusters use, and the check that keeps creates, resizes and starts within bounds. */
package org.aapf.application.service.quota;
