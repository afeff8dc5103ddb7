-- The version of each user's list of clusters (issue 22): advanced in the same transaction as every write that adds,
-- changes or removes one of the user's clusters (JdbiClusterRepository), so that an API server can tell with one
-- read of this small row whether the list it answered last is still exactly what the tables hold, on whichever
-- server the change was made. Portable SQL only: this script runs unchanged on H2 2.x and PostgreSQL 15.
ALTER TABLE users ADD COLUMN clusters_version BIGINT DEFAULT 0 NOT NULL;
