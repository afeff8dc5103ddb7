package org.aapf.domain.token;

import org.aapf.domain.common.DisplayName;

/** The name a user gives an API token; unique per user. */
public record TokenName(String value) {

    public TokenName {
        DisplayName.require("tokenName", value);
    }

    @Override
    public String toString() {
        return value;
    }
}
