/**
 * Persistence adapter: the {@link org.aapf.adapter.out.persistence.Database} (HikariCP pool plus Flyway migrations
 * that run on H2 and PostgreSQL) and the Jdbi repositories implementing the application's outbound storage ports.
 */
package org.aapf.adapter.out.persistence;
