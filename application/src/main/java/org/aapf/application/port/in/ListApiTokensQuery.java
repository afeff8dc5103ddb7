package org.aapf.application.port.in;

import java.util.List;
import org.aapf.domain.user.UserId;

/** Lists a user's API tokens, oldest first. */
public interface ListApiTokensQuery {

    List<ApiTokenView> list(UserId owner);
}
