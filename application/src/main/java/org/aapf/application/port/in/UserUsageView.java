package org.aapf.application.port.in;

/** An account as an admin sees it: the account, its limits and what its AAClusters use. */
public record UserUsageView(UserView user, UsageView usage) {
}
