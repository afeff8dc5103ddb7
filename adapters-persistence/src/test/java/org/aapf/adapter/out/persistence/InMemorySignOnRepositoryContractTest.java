package org.aapf.adapter.out.persistence;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.aapf.application.port.out.SignOnRepository;
import org.aapf.application.port.out.UserRepository;
import org.aapf.application.testing.InMemoryApiTokenRepository;
import org.aapf.application.testing.InMemorySessionRepository;
import org.aapf.application.testing.InMemorySignOnRepository;
import org.aapf.application.testing.InMemoryUserRepository;
import org.junit.jupiter.api.Test;

/**
 * Runs the {@link AbstractSignOnRepositoryTest} contract on the in-memory repository the application tests use, so
 * that what they prove holds for the real repository too.
 */
class InMemorySignOnRepositoryContractTest extends AbstractSignOnRepositoryTest {

    private final InMemorySessionRepository sessions = new InMemorySessionRepository();
    private final InMemoryApiTokenRepository tokens = new InMemoryApiTokenRepository();
    private final InMemoryUserRepository users = new InMemoryUserRepository(sessions, tokens);
    private final InMemorySignOnRepository signOns = new InMemorySignOnRepository();

    @Override
    protected TestDatabase openDatabase() {
        throw new UnsupportedOperationException("an in-memory repository needs no database");
    }

    @Override
    protected boolean usesDatabase() {
        return false;
    }

    @Override
    protected SignOnRepository newSignOnRepository() {
        return signOns;
    }

    @Override
    protected UserRepository newUserRepository() {
        return users;
    }

    @Test
    void runsOnTheInMemoryRepository() {
        assertTrue(newSignOnRepository() instanceof InMemorySignOnRepository);
    }
}
