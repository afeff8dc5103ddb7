package org.aapf.adapter.out.persistence;

import static org.aapf.adapter.out.persistence.Clusters.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.aapf.application.port.out.AuditRepository;
import org.aapf.domain.audit.AuditEntry;
import org.aapf.domain.audit.AuditEntry.Outcome;
import org.aapf.domain.audit.AuditRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Contract of {@link AuditRepository}, run against every database by the concrete subclasses. */
abstract class AbstractAuditRepositoryTest extends DatabaseFixture {

    private AuditRepository audit;

    @BeforeEach
    void createRepository() {
        audit = new JdbiAuditRepository(jdbi());
    }

    @Test
    void entriesComeBackInAppendOrderWithEveryField() {
        AuditEntry login = new AuditEntry(at(5), "alice", "login", "", "192.0.2.7", Outcome.SUCCEEDED, "");
        AuditEntry create = new AuditEntry(at(1), "alice", "cluster.create", "sample 😀", "2001:db8::1",
                Outcome.FAILED, "HTTP 400");
        audit.append(login);
        audit.append(create);

        List<AuditRecord> stored = audit.list(at(0), 0, 10);

        assertEquals(List.of(login, create), stored.stream().map(AuditRecord::entry).toList());
        assertTrue(stored.get(0).id() < stored.get(1).id(), "ids grow in append order");
    }

    @Test
    void pagesFollowTheCursorAndStartAtSince() {
        for (int i = 0; i < 7; i++) {
            audit.append(new AuditEntry(at(i), "bob", "token.create", "t" + i, "", Outcome.SUCCEEDED, ""));
        }

        List<AuditRecord> first = audit.list(at(2), 0, 3);
        List<AuditRecord> second = audit.list(at(2), first.getLast().id(), 3);

        assertEquals(List.of("t2", "t3", "t4"), first.stream().map(r -> r.entry().target()).toList());
        assertEquals(List.of("t5", "t6"), second.stream().map(r -> r.entry().target()).toList());
        assertEquals(List.of(), audit.list(at(2), second.getLast().id(), 3));
    }

    @Test
    void purgeDeletesOnlyEntriesOlderThanTheCutoff() {
        audit.append(new AuditEntry(at(0), "carol", "logout", "", "", Outcome.SUCCEEDED, ""));
        audit.append(new AuditEntry(at(10), "carol", "logout", "", "", Outcome.SUCCEEDED, ""));

        assertEquals(1, audit.purgeBefore(at(5)));

        assertEquals(List.of(at(10)), audit.list(at(0), 0, 10).stream().map(r -> r.entry().at()).toList());
        assertEquals(0, audit.purgeBefore(at(5)));
    }

    @Test
    void concurrentAppendsAreAllKept() throws Exception {
        Races.run(8, racer -> {
            for (int i = 0; i < 5; i++) {
                audit.append(new AuditEntry(at(i), "racer" + racer, "logout", "", "", Outcome.SUCCEEDED, ""));
            }
            return true;
        });

        assertEquals(40, audit.list(at(0), 0, 100).size());
    }
}
