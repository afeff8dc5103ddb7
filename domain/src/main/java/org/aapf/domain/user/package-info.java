/** Users, their login names and password hashes. */
package org.aapf.domain.user;
