/** API tokens: named, never-expiring, revocable credentials for scripts, kept only as digests. */
package org.aapf.domain.token;
