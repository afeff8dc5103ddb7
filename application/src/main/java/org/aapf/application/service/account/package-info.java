/** Account use cases: logging in and out, bearer-token authentication, API tokens and user administration. */
package org.aapf.application.service.account;
