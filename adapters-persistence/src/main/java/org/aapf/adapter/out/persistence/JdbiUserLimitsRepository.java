package org.aapf.adapter.out.persistence;

import jakarta.inject.Inject;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.aapf.application.port.out.UserLimitsRepository;
import org.aapf.domain.error.AapfException;
import org.aapf.domain.quota.Limits;
import org.aapf.domain.user.UserId;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/** {@link UserLimitsRepository} on the {@code user_limits} table. */
public final class JdbiUserLimitsRepository implements UserLimitsRepository {

    private final Jdbi jdbi;

    @Inject
    public JdbiUserLimitsRepository(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "'jdbi' must not be null");
    }

    @Override
    public Limits overridesOf(UserId user) {
        return jdbi.withExtension(UserLimitsDao.class, dao -> dao.find(user.toString()))
                .map(UserLimitsRow::limits)
                .orElse(Limits.NONE);
    }

    @Override
    public void save(UserId user, Limits overrides) {
        try {
            jdbi.useExtension(UserLimitsDao.class, dao -> {
                if (overrides.isEmpty()) {
                    dao.delete(user.toString());
                } else {
                    dao.replace(UserLimitsRow.of(user.toString(), overrides));
                }
            });
        } catch (JdbiException e) {
            if (SqlErrors.isForeignKeyViolation(e)) {
                throw AapfException.notFound("The user no longer exists.");
            }
            throw e;
        }
    }

    @Override
    public Map<UserId, Limits> allOverrides() {
        return jdbi.withExtension(UserLimitsDao.class, UserLimitsDao::all).stream()
                .collect(Collectors.toMap(row -> UserId.parse(row.userId()), UserLimitsRow::limits));
    }
}
