package org.aapf.bootstrap.doctor;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.aapf.application.port.out.Workspace;

/** One orphan workspace as operators read it: name, cluster, owner, size and age. */
public final class WorkspaceLines {

    private WorkspaceLines() {
    }

    public static String line(Workspace workspace) {
        return line(workspace, Instant.now());
    }

    static String line(Workspace workspace, Instant now) {
        String size = workspace.sizeBytes().isPresent() ? size(workspace.sizeBytes().getAsLong()) : "size unknown";
        String age = workspace.createdAt().map(created -> age(Duration.between(created, now)))
                .orElse("age unknown");
        return workspace.name() + " (AACluster " + workspace.cluster() + ", owner "
                + workspace.owner().map(Object::toString).orElse("unknown") + "): " + size + ", " + age;
    }

    static String size(long bytes) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return unit == 0 ? bytes + " B" : String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    static String age(Duration age) {
        if (age.toDays() >= 1) {
            return age.toDays() + " days old";
        }
        return age.toHours() >= 1 ? age.toHours() + " hours old" : Math.max(0, age.toMinutes()) + " minutes old";
    }
}
