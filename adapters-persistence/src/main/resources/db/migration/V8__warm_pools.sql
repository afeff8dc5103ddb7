-- Warm pools (issue 24): notebook instances started ahead of demand, each under the cluster id, proxy id and token
-- the cluster that claims it will have. Portable SQL only: this script runs unchanged on H2 2.x and PostgreSQL 15.
-- claimed_at is set once, by one conditional UPDATE (a claim, or the pool retiring it): never cleared again, so a
-- warm instance goes to at most one cluster.
CREATE TABLE warm_instances (
    id            VARCHAR(36)              NOT NULL,
    pool          VARCHAR(512)             NOT NULL,
    image         VARCHAR(255)             NOT NULL,
    perf_type     VARCHAR(255)             NOT NULL,
    proxy_id      VARCHAR(64)              NOT NULL,
    jupyter_token VARCHAR(48)              NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    ready_at      TIMESTAMP WITH TIME ZONE,
    claimed_at    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT warm_instances_pk PRIMARY KEY (id),
    CONSTRAINT warm_instances_proxy_id_uk UNIQUE (proxy_id)
);

CREATE INDEX warm_instances_pool_ix ON warm_instances (pool, claimed_at, ready_at);
