package org.aapf.application.service.account;

import org.aapf.domain.error.AapfException;
import org.aapf.domain.token.TokenName;

/** The one answer for a token name the caller does not own, whether it is missing or another user's. */
final class ApiTokenNotFound {

    private ApiTokenNotFound() {
    }

    static AapfException named(TokenName name) {
        return AapfException.notFound("API token '" + name.value() + "' not found.");
    }
}
