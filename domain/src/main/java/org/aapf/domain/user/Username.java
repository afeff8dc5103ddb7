package org.aapf.domain.user;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;
import org.aapf.domain.error.AapfException;

/**
 * A login name: 1–64 characters of letters, digits, '.', '_', '@' and '-', starting with a letter or digit. The
 * text is taken in Unicode NFKC form, so compatibility forms (fullwidth {@code ａｌｉｃｅ}) mean the plain name;
 * two names with the same {@link #key()} ({@code Alice}, {@code alice}) are the same account.
 */
public record Username(String value) {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");

    public Username {
        value = value == null ? null : Normalizer.normalize(value, Normalizer.Form.NFKC);
        if (value == null || !VALID.matcher(value).matches()) {
            throw AapfException.invalid(
                    "'username' must be 1-64 letters, digits, '.', '_', '@' or '-', starting with a letter or digit");
        }
    }

    /**
     * The name as accounts are told apart: NFKC, then case-folded (and NFKC again, as Unicode's NFKC_Casefold
     * does). Usernames are unique by this key.
     */
    public String key() {
        return Normalizer.normalize(value.toLowerCase(Locale.ROOT), Normalizer.Form.NFKC);
    }

    @Override
    public String toString() {
        return value;
    }
}
