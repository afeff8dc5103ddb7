package org.aapf.application.service.account;

import jakarta.inject.Inject;
import java.util.List;
import org.aapf.application.port.in.ApiTokenView;
import org.aapf.application.port.in.ListApiTokensQuery;
import org.aapf.application.port.out.ApiTokenRepository;
import org.aapf.domain.user.UserId;

/** Lists a user's API tokens, oldest first, without their secrets. */
public final class ListApiTokensService implements ListApiTokensQuery {

    private final ApiTokenRepository apiTokens;

    @Inject
    public ListApiTokensService(ApiTokenRepository apiTokens) {
        this.apiTokens = apiTokens;
    }

    @Override
    public List<ApiTokenView> list(UserId owner) {
        return apiTokens.listByOwner(owner).stream().map(ApiTokenView::from).toList();
    }
}
