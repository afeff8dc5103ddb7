/** Login sessions, which tie an access token and a refresh token together so both can be revoked at once. */
package org.aapf.domain.session;
