package org.aapf.application.service.account;

import jakarta.inject.Inject;
import org.aapf.application.port.in.DeleteApiTokenUseCase;
import org.aapf.application.port.out.ApiTokenRepository;
import org.aapf.domain.token.TokenName;
import org.aapf.domain.user.UserId;

/** Deletes one of a user's API tokens; authentication looks tokens up on every request, so it stops at once. */
public final class DeleteApiTokenService implements DeleteApiTokenUseCase {

    private final ApiTokenRepository apiTokens;

    @Inject
    public DeleteApiTokenService(ApiTokenRepository apiTokens) {
        this.apiTokens = apiTokens;
    }

    @Override
    public void delete(UserId owner, String tokenName) {
        TokenName name = new TokenName(tokenName);
        if (!apiTokens.delete(owner, name)) {
            throw ApiTokenNotFound.named(name);
        }
    }
}
