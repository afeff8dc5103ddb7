package org.aapf.adapter.out.persistence;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.aapf.application.port.out.SessionRepository;
import org.aapf.application.port.out.UserRepository;
import org.aapf.application.testing.InMemoryApiTokenRepository;
import org.aapf.application.testing.InMemorySessionRepository;
import org.aapf.application.testing.InMemoryUserRepository;
import org.junit.jupiter.api.Test;

/**
 * Runs the {@link AbstractSessionRepositoryTest} contract on the in-memory repository the application tests use, so
 * that what they prove holds for the real repository too.
 */
class InMemorySessionRepositoryContractTest extends AbstractSessionRepositoryTest {

    private final InMemorySessionRepository sessions = new InMemorySessionRepository();
    private final InMemoryApiTokenRepository tokens = new InMemoryApiTokenRepository();
    private final InMemoryUserRepository users = new InMemoryUserRepository(sessions, tokens);

    InMemorySessionRepositoryContractTest() {
        tokens.requireOwnersIn(users);
        sessions.requireUsersIn(users);
    }

    @Override
    protected TestDatabase openDatabase() {
        throw new UnsupportedOperationException("an in-memory repository needs no database");
    }

    @Override
    protected boolean usesDatabase() {
        return false;
    }

    @Override
    protected SessionRepository newSessionRepository() {
        return sessions;
    }

    @Override
    protected UserRepository newUserRepository() {
        return users;
    }

    @Test
    void runsOnTheInMemoryRepository() {
        assertTrue(newSessionRepository() instanceof InMemorySessionRepository);
    }
}
