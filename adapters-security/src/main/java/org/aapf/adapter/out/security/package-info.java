/** Security adapters: Argon2id password hashing (Bouncy Castle) and HS256-signed JWT bearer tokens (java-jwt). */
package org.aapf.adapter.out.security;
