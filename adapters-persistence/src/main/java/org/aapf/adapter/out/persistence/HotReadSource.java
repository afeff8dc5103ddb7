package org.aapf.adapter.out.persistence;

import java.util.Objects;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.config.JdbiConfig;

/**
 * The data source under a {@link Jdbi} that {@link Database} made, kept in the Jdbi's configuration so that the
 * repositories, which take the Jdbi, can run their {@link HotReads} on plain JDBC connections from the same pool.
 * Public only because Jdbi creates configuration objects reflectively.
 */
public final class HotReadSource implements JdbiConfig<HotReadSource> {

    private DataSource dataSource;

    public HotReadSource() {
    }

    private HotReadSource(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Records {@code dataSource} as the one {@code jdbi} was created on. */
    static Jdbi install(Jdbi jdbi, DataSource dataSource) {
        jdbi.getConfig(HotReadSource.class).dataSource = Objects.requireNonNull(dataSource,
                "'dataSource' must not be null");
        return jdbi;
    }

    /** The data source {@code jdbi} was created on; fails for a Jdbi that {@link Database} did not make. */
    static DataSource of(Jdbi jdbi) {
        DataSource source = jdbi.getConfig(HotReadSource.class).dataSource;
        if (source == null) {
            throw new IllegalStateException("this Jdbi was not made by Database: it has no data source for hot reads");
        }
        return source;
    }

    @Override
    public HotReadSource createCopy() {
        return new HotReadSource(dataSource);
    }
}
