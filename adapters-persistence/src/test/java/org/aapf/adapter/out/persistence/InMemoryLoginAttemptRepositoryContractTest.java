package org.aapf.adapter.out.persistence;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.aapf.application.port.out.LoginAttemptRepository;
import org.aapf.application.testing.InMemoryApiTokenRepository;
import org.aapf.application.testing.InMemoryLoginAttemptRepository;
import org.aapf.application.testing.InMemorySessionRepository;
import org.aapf.application.testing.InMemoryUserRepository;
import org.junit.jupiter.api.Test;

/**
 * Runs the {@link AbstractLoginAttemptRepositoryTest} contract on the in-memory repository the application tests use, so
 * that what they prove holds for the real repository too.
 */
class InMemoryLoginAttemptRepositoryContractTest extends AbstractLoginAttemptRepositoryTest {

    private final InMemorySessionRepository sessions = new InMemorySessionRepository();
    private final InMemoryApiTokenRepository tokens = new InMemoryApiTokenRepository();
    private final InMemoryUserRepository users = new InMemoryUserRepository(sessions, tokens);
    private final InMemoryLoginAttemptRepository loginAttempts = new InMemoryLoginAttemptRepository();

    @Override
    protected TestDatabase openDatabase() {
        throw new UnsupportedOperationException("an in-memory repository needs no database");
    }

    @Override
    protected boolean usesDatabase() {
        return false;
    }

    @Override
    protected LoginAttemptRepository newLoginAttemptRepository() {
        return loginAttempts;
    }

    @Test
    void runsOnTheInMemoryRepository() {
        assertTrue(newLoginAttemptRepository() instanceof InMemoryLoginAttemptRepository);
    }
}
