package org.aapf.adapter.out.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.aapf.application.port.out.ServerSettingsRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Contract of {@link ServerSettingsRepository}, run against every database by the concrete subclasses. */
abstract class AbstractServerSettingsRepositoryTest extends DatabaseFixture {

    private static final String KEY = "token-signing-secret";

    private ServerSettingsRepository settings;

    @BeforeEach
    void createRepository() {
        settings = new JdbiServerSettingsRepository(jdbi());
    }

    @Test
    void unknownSettingIsEmpty() {
        assertTrue(settings.find(KEY).isEmpty());
    }

    @Test
    void putIfAbsentStoresTheValueWhenThereIsNone() {
        assertEquals("first", settings.putIfAbsent(KEY, "first"));

        assertEquals(Optional.of("first"), settings.find(KEY));
    }

    @Test
    void putIfAbsentKeepsAndReturnsTheExistingValue() {
        settings.putIfAbsent(KEY, "first");

        assertEquals("first", settings.putIfAbsent(KEY, "second"));
        assertEquals(Optional.of("first"), settings.find(KEY));
    }

    @Test
    void racingPutIfAbsentCallsAllReturnTheOneStoredValue() throws Exception {
        List<Races.Outcome<String>> outcomes = Races.run(8, racer -> settings.putIfAbsent(KEY, "value-" + racer));

        outcomes.forEach(outcome -> assertNull(outcome.error(), () -> String.valueOf(outcome.error())));
        String stored = settings.find(KEY).orElseThrow();
        assertTrue(outcomes.stream().allMatch(outcome -> stored.equals(outcome.result())), outcomes::toString);
    }
}
