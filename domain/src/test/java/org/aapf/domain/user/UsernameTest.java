package org.aapf.domain.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.aapf.domain.error.AapfException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UsernameTest {

    @Test
    void namesDifferingOnlyInCase_shareOneKey() {
        assertEquals(new Username("alice").key(), new Username("Alice").key());
        assertEquals(new Username("alice").key(), new Username("ALICE").key());
        assertNotEquals(new Username("alice").key(), new Username("alicia").key());
    }

    @Test
    void compatibilityForms_areTakenAsThePlainName() {
        Username fullwidth = new Username("\uff21\uff4c\uff49\uff43\uff45");

        assertEquals("Alice", fullwidth.value());
        assertEquals(new Username("alice").key(), fullwidth.key());
    }

    @Test
    void theNameKeepsTheCaseItWasGiven() {
        assertEquals("Alice", new Username("Alice").value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ali\u200bce", "\u202ealice", "alice\u2066", "al\u00adice", "al ice", "\u0430lice"})
    void invisibleAndLookalikeCharacters_areRefused(String name) {
        assertThrows(AapfException.class, () -> new Username(name));
    }
}
