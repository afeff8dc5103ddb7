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
    void formatCharacters_areRefusedInNewClusterAndTokenNames(String name) {
        AapfException cluster = assertThrows(AapfException.class, () -> ClusterName.chosen(name));
        AapfException token = assertThrows(AapfException.class, () -> TokenName.chosen(name));

        assertEquals("'nameOfAACluster' must not contain invisible format characters (such as bidi overrides or"
                + " zero-width spaces)", cluster.getMessage());
        assertEquals("'tokenName' must not contain invisible format characters (such as bidi overrides or"
                + " zero-width spaces)", token.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {".", ".."})
    void aSegmentOfDots_isRefusedAsANewName_sinceUrlsDropIt(String name) {
        AapfException cluster = assertThrows(AapfException.class, () -> ClusterName.chosen(name));
        AapfException token = assertThrows(AapfException.class, () -> TokenName.chosen(name));

        assertEquals("'nameOfAACluster' must not be '.' or '..'", cluster.getMessage());
        assertEquals("'tokenName' must not be '.' or '..'", token.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"...", ".hidden", "a.b", "v1..2"})
    void otherNamesWithDots_areAccepted(String name) {
        assertEquals(name, ClusterName.chosen(name).value());
        assertEquals(name, TokenName.chosen(name).value());
    }

    @Test
    void theReplacementCharacter_isRefusedAsANewName_sinceItStandsForBytesThatWereNotUtf8() {
        AapfException cluster = assertThrows(AapfException.class, () -> ClusterName.chosen("data\uFFFD"));

        assertEquals("'nameOfAACluster' must be valid UTF-8: it holds U+FFFD, which an undecodable byte becomes",
                cluster.getMessage());
    }

    /** Names stored before the rules for new names existed are still read, looked up and deleted. */
    @ParameterizedTest
    @ValueSource(strings = {"..", ".", "sam\u200Bple", "data\uFFFD"})
    void aNameStoredBeforeTheNewRules_isStillAName(String name) {
        assertEquals(name, new ClusterName(name).value());
        assertEquals(name, new TokenName(name).value());
    }

    @ParameterizedTest
    @ValueSource(strings = {" ", "a/b", "a\nb", "a\u0085b"})
    void theLastingRules_holdForEveryName(String name) {
        assertThrows(AapfException.class, () -> new ClusterName(name));
        assertThrows(AapfException.class, () -> new TokenName(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sample", "データ分析", "naïve café", "שלום", "emoji 🚀"})
    void visibleTextOfAnyScript_isAccepted(String name) {
        assertEquals(name, ClusterName.chosen(name).value());
        assertEquals(name, TokenName.chosen(name).value());
    }
}
