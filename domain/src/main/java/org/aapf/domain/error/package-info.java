/** The AAPF exception family: a stable reason code plus a message that is safe to show to users. */
package org.aapf.domain.error;
