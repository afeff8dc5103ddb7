package org.aapf.application.service.account;

import jakarta.inject.Inject;
import org.aapf.application.port.in.ApiTokenView;
import org.aapf.application.port.in.GetApiTokenQuery;
import org.aapf.application.port.out.ApiTokenRepository;
import org.aapf.domain.token.TokenName;
import org.aapf.domain.user.UserId;

/** Reads one of a user's API tokens by name; other users' tokens look missing. */
public final class GetApiTokenService implements GetApiTokenQuery {

    private final ApiTokenRepository apiTokens;

    @Inject
    public GetApiTokenService(ApiTokenRepository apiTokens) {
        this.apiTokens = apiTokens;
    }

    @Override
    public ApiTokenView get(UserId owner, String tokenName) {
        TokenName name = new TokenName(tokenName);
        return apiTokens.findByName(owner, name).map(ApiTokenView::from)
                .orElseThrow(() -> ApiTokenNotFound.named(name));
    }
}
