package org.aapf.adapter.out.persistence;

import java.nio.file.Path;
import java.time.Instant;
import org.aapf.domain.user.PasswordHash;
import org.aapf.domain.user.User;
import org.aapf.domain.user.Username;

/**
 * Started as a separate JVM by {@link H2AutoServerIT}, like {@code aapf users add} beside a running server: opens
 * the H2 file, adds a user and prints every username, one per line.
 */
public final class H2FileProbe {

    private H2FileProbe() {
    }

    public static void main(String[] args) {
        try (Database database = Database.open(DatabaseSettings.h2File(Path.of(args[0])))) {
            JdbiUserRepository users = new JdbiUserRepository(database.jdbi());
            users.add(User.register(new Username(args[1]), Accounts.HASH, Instant.now()));
            users.list().forEach(user -> System.out.println(user.username()));
        }
    }
}
