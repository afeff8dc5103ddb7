package org.aapf.adapter.in.http;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.aapf.application.port.in.ApiTokenView;
import org.aapf.application.port.in.CreateApiTokenUseCase;
import org.aapf.application.port.in.DeleteApiTokenUseCase;
import org.aapf.application.port.in.GetApiTokenQuery;
import org.aapf.application.port.in.ListApiTokensQuery;
import org.aapf.domain.error.AapfException;
import org.aapf.domain.token.TokenName;
import org.aapf.domain.user.UserId;

/** API tokens of {@link FakeAccounts#USER} in creation order, each created at {@link #now}. */
final class InMemoryApiTokens implements ListApiTokensQuery, GetApiTokenQuery, CreateApiTokenUseCase,
        DeleteApiTokenUseCase {

    private final Map<String, Instant> createdAtByName = new LinkedHashMap<>();
    volatile Instant now = Instant.parse("2026-11-26T23:30:00Z");

    @Override
    public synchronized List<ApiTokenView> list(UserId owner) {
        return createdAtByName.entrySet().stream()
                .map(it -> new ApiTokenView(it.getKey(), it.getValue(), Optional.empty()))
                .toList();
    }

    @Override
    public synchronized ApiTokenView get(UserId owner, String tokenName) {
        Instant createdAt = createdAtByName.get(tokenName);
        if (createdAt == null) {
            throw AapfException.notFound("No API token named '" + tokenName + "'.");
        }
        return new ApiTokenView(tokenName, createdAt, Optional.empty());
    }

    @Override
    public synchronized CreatedApiToken create(CreateApiTokenCommand command) {
        String name = TokenName.chosen(command.tokenName()).value();
        if (command.password() == null) {
            throw AapfException.invalid("'password' is required.");
        }
        if (!command.password().equals(FakeAccounts.PASSWORD)) {
            throw AapfException.unauthenticated("Wrong password.");
        }
        if (createdAtByName.containsKey(name)) {
            throw AapfException.invalid("An API token named '" + name + "' already exists.");
        }
        createdAtByName.put(name, now);
        return new CreatedApiToken(name, "secret-of-" + name, now);
    }

    @Override
    public synchronized void delete(UserId owner, String tokenName) {
        if (createdAtByName.remove(tokenName) == null) {
            throw AapfException.notFound("No API token named '" + tokenName + "'.");
        }
    }
}
