package org.aapf.embedded.health;

import org.aapf.adapter.in.http.HealthCheck;
import org.aapf.adapter.out.persistence.Database;

/** Ready when the database answers and has every migration this server knows applied. */
public final class DatabaseHealth implements HealthCheck {

    private final Database database;

    public DatabaseHealth(Database database) {
        this.database = database;
    }

    @Override
    public String name() {
        return "database";
    }

    @Override
    public Result check() {
        if (!database.ping()) {
            return Result.down("the database does not answer");
        }
        int pending = database.pendingMigrations();
        return pending == 0
                ? Result.up("reachable, schema up to date")
                : Result.down(pending + " migrations not applied: restart the server to apply them");
    }
}
