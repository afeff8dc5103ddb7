-- Usernames are unique by their key: the NFKC form, case-folded (Username.key()), so 'Alice' and 'alice' cannot both
-- exist. Usernames are ASCII letters, digits and '.', '_', '@', '-' only (NFKC already applied by the server), so
-- for existing rows LOWER(username) is exactly that key.
-- Portable SQL only: this script runs unchanged on H2 2.x and PostgreSQL 15.

ALTER TABLE users ADD COLUMN username_key VARCHAR(128);

UPDATE users SET username_key = LOWER(username);

-- Accounts created before this rule that differ only in case: the oldest keeps the plain key, the others get a key
-- no name can have (':' is not allowed in usernames). They still log in with their exact name; no new account can
-- take any of these names.
UPDATE users SET username_key = LOWER(username) || ':' || id
 WHERE EXISTS (SELECT 1 FROM users older
                WHERE LOWER(older.username) = LOWER(users.username)
                  AND (older.created_at < users.created_at
                       OR (older.created_at = users.created_at AND older.id < users.id)));

ALTER TABLE users ALTER COLUMN username_key SET NOT NULL;

ALTER TABLE users ADD CONSTRAINT users_username_key_uk UNIQUE (username_key);
