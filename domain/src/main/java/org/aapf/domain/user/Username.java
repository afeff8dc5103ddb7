package org.aapf.domain.user;

import java.util.regex.Pattern;
import org.aapf.domain.error.AapfException;

/** A login name: 1–64 characters of letters, digits, '.', '_', '@' and '-', starting with a letter or digit. */
public record Username(String value) {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");

    public Username {
        if (value == null || !VALID.matcher(value).matches()) {
            throw AapfException.invalid(
                    "'username' must be 1-64 letters, digits, '.', '_', '@' or '-', starting with a letter or digit");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
