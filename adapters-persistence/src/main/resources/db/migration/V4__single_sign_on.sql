-- Single sign-on (issue 25): admins, users linked to an OpenID Connect provider, sign-on attempts in flight.
-- Portable SQL only: this script runs unchanged on H2 2.x and PostgreSQL 15.

ALTER TABLE users ADD COLUMN admin BOOLEAN DEFAULT FALSE NOT NULL;
-- The provider's issuer and subject: a user found by these cannot be reached by a rename at the provider.
ALTER TABLE users ADD COLUMN external_issuer VARCHAR(1024);
ALTER TABLE users ADD COLUMN external_subject VARCHAR(255);
-- The provider's groups at the latest sign-on, one per line (names hold no control characters).
ALTER TABLE users ADD COLUMN provider_groups VARCHAR(16384) DEFAULT '' NOT NULL;
ALTER TABLE users ADD CONSTRAINT users_external_uk UNIQUE (external_issuer, external_subject);

-- A started sign-on, keyed by the SHA-256 digest of its state; taken (deleted) when the browser comes back.
CREATE TABLE sign_on_attempts (
    state_digest  VARCHAR(64)              NOT NULL,
    nonce         VARCHAR(128)             NOT NULL,
    code_verifier VARCHAR(128)             NOT NULL,
    expires_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT sign_on_attempts_pk PRIMARY KEY (state_digest)
);

-- A finished sign-on waiting for the WebUI to redeem its one-time code (kept as a SHA-256 digest).
CREATE TABLE sign_on_handoffs (
    code_digest VARCHAR(64)              NOT NULL,
    user_id     VARCHAR(36)              NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT sign_on_handoffs_pk PRIMARY KEY (code_digest),
    CONSTRAINT sign_on_handoffs_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
