package org.aapf.embedded.wiring;

import java.util.Objects;
import javax.sql.DataSource;
import org.aapf.adapter.out.persistence.Database;
import org.aapf.adapter.out.persistence.DatabaseSettings;

/** Where the AAPF tables live: a pool AAPF opens (and closes), or a data source the embedder owns. */
public sealed interface DatabaseChoice {

    /** Opens the database and runs the migrations. */
    Database open();

    /** A HikariCP pool opened from {@code settings}; closed with the component. */
    record Pooled(DatabaseSettings settings) implements DatabaseChoice {

        public Pooled {
            Objects.requireNonNull(settings, "'settings' must not be null");
        }

        @Override
        public Database open() {
            return Database.open(settings);
        }
    }

    /** The embedder's data source; AAPF never closes it. */
    record Supplied(DataSource dataSource) implements DatabaseChoice {

        public Supplied {
            Objects.requireNonNull(dataSource, "'dataSource' must not be null");
        }

        @Override
        public Database open() {
            return Database.using(dataSource);
        }

        @Override
        public String toString() {
            return "Supplied[" + dataSource.getClass().getName() + "]";
        }
    }
}
