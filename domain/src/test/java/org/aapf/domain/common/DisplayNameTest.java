package org.aapf.domain.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.aapf.domain.cluster.ClusterName;
import org.aapf.domain.error.AapfException;
import org.aapf.domain.token.TokenName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DisplayNameTest {

    /** Right-to-left override, zero-width space / joiner / non-joiner, BOM, soft hyphen, LRI, word joiner. */
    @ParameterizedTest
    @ValueSource(strings = {"sample\u202Etxt.exe", "sam\u200Bple", "sam\u200Dple", "sam\u200Cple", "\uFEFFsample",
            "sam\u00ADple", "\u2066sample", "sam\u2060ple"})
    void formatCharacters_areRefusedInClusterAndTokenNames(String name) {
        AapfException cluster = assertThrows(AapfException.class, () -> new ClusterName(name));
        AapfException token = assertThrows(AapfException.class, () -> new TokenName(name));

        assertEquals("'nameOfAACluster' must not contain invisible format characters (such as bidi overrides or"
                + " zero-width spaces)", cluster.getMessage());
        assertEquals("'tokenName' must not contain invisible format characters (such as bidi overrides or"
                + " zero-width spaces)", token.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"sample", "データ分析", "naïve café", "שלום", "emoji 🚀"})
    void visibleTextOfAnyScript_isAccepted(String name) {
        assertEquals(name, new ClusterName(name).value());
        assertEquals(name, new TokenName(name).value());
    }
}
