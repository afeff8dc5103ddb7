/** Per-user limits on AAClusters and compute, and what a user's AAClusters use of them. */
package org.aapf.domain.quota;
