package org.aapf.adapter.out.persistence;

import java.time.OffsetDateTime;

/** One row of {@code login_failures}: the failures counted for a key since {@code firstAt}. */
record LoginFailureRow(String failureKey, int failureCount, OffsetDateTime firstAt, OffsetDateTime lastAt) {
}
