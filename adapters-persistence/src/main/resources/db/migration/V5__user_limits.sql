-- Per-user limits (issue 21): each user's overrides of the operator's defaults; NULL keeps the default.
-- Portable SQL only: this script runs unchanged on H2 2.x and PostgreSQL 15.

CREATE TABLE user_limits (
    user_id        VARCHAR(36) NOT NULL,
    max_clusters   BIGINT,
    max_milli_cpu  BIGINT,
    max_memory_mib BIGINT,
    max_gpus       BIGINT,
    CONSTRAINT user_limits_pk PRIMARY KEY (user_id),
    CONSTRAINT user_limits_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);

-- One row per user, locked (SELECT ... FOR UPDATE) while a request of that user checks its limits and writes: a row
-- nothing references, because PostgreSQL's FOR UPDATE on the users row would block the foreign key checks of the very
-- cluster rows the request inserts.
CREATE TABLE owner_locks (
    user_id VARCHAR(36) NOT NULL,
    CONSTRAINT owner_locks_pk PRIMARY KEY (user_id),
    CONSTRAINT owner_locks_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);

-- The admin's list of every cluster filters by status.
CREATE INDEX clusters_status_idx ON clusters (status);
