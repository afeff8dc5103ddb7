-- Accounts: users, their login sessions and API tokens, login throttling, server-wide settings.
-- Portable SQL only: this script runs unchanged on H2 2.x and PostgreSQL 15.
-- Times are TIMESTAMP WITH TIME ZONE written in UTC with microsecond precision.

CREATE TABLE users (
    id                  VARCHAR(36)              NOT NULL,
    username            VARCHAR(64)              NOT NULL,
    password_hash       VARCHAR(1024)            NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    password_changed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT users_pk PRIMARY KEY (id),
    CONSTRAINT users_username_uk UNIQUE (username)
);

CREATE TABLE sessions (
    id         VARCHAR(36)              NOT NULL,
    user_id    VARCHAR(36)              NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT sessions_pk PRIMARY KEY (id),
    CONSTRAINT sessions_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);

CREATE INDEX sessions_user_idx ON sessions (user_id);

-- The unique (user_id, name) index also serves lookups and cascades by user_id.
-- A token name is at most 512 characters (code points). PostgreSQL counts VARCHAR length in code points, H2 in
-- UTF-16 units, where a character outside the Basic Multilingual Plane takes two: hence 1024.
CREATE TABLE api_tokens (
    id           VARCHAR(36)              NOT NULL,
    user_id      VARCHAR(36)              NOT NULL,
    name         VARCHAR(1024)            NOT NULL,
    digest       VARCHAR(64)              NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT api_tokens_pk PRIMARY KEY (id),
    CONSTRAINT api_tokens_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT api_tokens_user_name_uk UNIQUE (user_id, name)
);

CREATE TABLE login_failures (
    failure_key   VARCHAR(512)             NOT NULL,
    failure_count INTEGER                  NOT NULL,
    first_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    last_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT login_failures_pk PRIMARY KEY (failure_key)
);

CREATE TABLE server_settings (
    setting_key   VARCHAR(128)  NOT NULL,
    setting_value VARCHAR(8192) NOT NULL,
    CONSTRAINT server_settings_pk PRIMARY KEY (setting_key)
);
