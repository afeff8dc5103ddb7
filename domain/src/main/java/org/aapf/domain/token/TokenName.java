package org.aapf.domain.token;

import org.aapf.domain.common.DisplayName;

/** The name a user gives an API token; unique per user. */
public record TokenName(String value) {

    private static final String FIELD = "tokenName";

    public TokenName {
        DisplayName.require(FIELD, value);
    }

    /** The name a user chooses for a new token: also held to the rules {@link DisplayName#requireNew} adds. */
    public static TokenName chosen(String value) {
        return new TokenName(DisplayName.requireNew(FIELD, value));
    }

    @Override
    public String toString() {
        return value;
    }
}
