package org.aapf.adapter.out.persistence;

import static org.aapf.adapter.out.persistence.Accounts.at;
import static org.aapf.adapter.out.persistence.Accounts.session;
import static org.aapf.adapter.out.persistence.Accounts.token;
import static org.aapf.adapter.out.persistence.Accounts.user;
import static org.aapf.adapter.out.persistence.Clusters.notebook;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import org.aapf.application.port.out.ApiTokenRepository;
import org.aapf.application.port.out.ClusterRepository;
import org.aapf.application.port.out.SessionRepository;
import org.aapf.domain.cluster.AACluster;
import org.aapf.domain.session.Session;
import org.aapf.domain.token.ApiToken;
import org.aapf.domain.user.User;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The credential reads of every request ({@code findForRequest}) bring the owner's list version in the same
 * statement, and it is the version {@link ClusterRepository#listVersion} reads: it moves with the owner's clusters
 * and with no one else's. Run against every database by the concrete subclasses.
 */
abstract class AbstractCredentialReadTest extends DatabaseFixture {

    private SessionRepository sessions;
    private ApiTokenRepository tokens;
    private ClusterRepository clusters;
    private User alice;
    private User bob;

    @BeforeEach
    void createRepositoriesAndUsers() {
        Jdbi jdbi = jdbi();
        sessions = new JdbiSessionRepository(jdbi);
        tokens = new JdbiApiTokenRepository(jdbi);
        clusters = new JdbiClusterRepository(jdbi);
        JdbiUserRepository users = new JdbiUserRepository(jdbi);
        alice = user("alice");
        bob = user("bob");
        users.add(alice);
        users.add(bob);
    }

    @Test
    void sessionAndTokenReadsCarryTheOwnersListVersion_movingWithTheirClustersOnly() {
        Session alices = session(alice.id(), at(0), Duration.ofDays(1));
        Session bobs = session(bob.id(), at(0), Duration.ofDays(1));
        ApiToken script = token(alice.id(), "script", at(0));
        sessions.add(alices);
        sessions.add(bobs);
        tokens.add(script);
        assertListVersions(alices, script, bobs);

        AACluster cluster = notebook(alice.id(), "sample");
        clusters.add(cluster);
        AACluster loaded = clusters.findById(cluster.id()).orElseThrow();
        assertTrue(loaded.requestDeletion(at(5)));
        assertTrue(clusters.update(loaded));
        clusters.add(notebook(bob.id(), "other"));

        assertTrue(clusters.listVersion(alice.id()) > 0);
        assertListVersions(alices, script, bobs);
    }

    @Test
    void theCredentialReadForARequestIsTheStoredCredential() {
        Session alices = session(alice.id(), at(0), Duration.ofDays(1));
        ApiToken script = token(alice.id(), "script", at(0));
        sessions.add(alices);
        tokens.add(script);
        sessions.revoke(alices.id(), at(10));

        Session read = sessions.findForRequest(alices.id()).orElseThrow().credential();
        assertEquals(alices.id(), read.id());
        assertEquals(alice.id(), read.userId());
        assertEquals(Optional.of(at(10)), read.revokedAt());
        ApiToken readToken = tokens.findForRequest(script.id()).orElseThrow().credential();
        assertEquals(script.id(), readToken.id());
        assertEquals(alice.id(), readToken.owner());
        assertTrue(readToken.matches(script.digest()));
        assertTrue(sessions.findForRequest(Session.start(alice.id(), at(0), at(1)).id()).isEmpty());
    }

    private void assertListVersions(Session alices, ApiToken script, Session bobs) {
        OptionalLong alicesVersion = OptionalLong.of(clusters.listVersion(alice.id()));
        assertEquals(alicesVersion, sessions.findForRequest(alices.id()).orElseThrow().listVersion());
        assertEquals(alicesVersion, tokens.findForRequest(script.id()).orElseThrow().listVersion());
        assertEquals(OptionalLong.of(clusters.listVersion(bob.id())),
                sessions.findForRequest(bobs.id()).orElseThrow().listVersion());
    }
}
