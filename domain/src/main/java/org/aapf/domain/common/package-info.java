/** Small rules shared by several domain concepts, such as what a user-given name may contain. */
package org.aapf.domain.common;
