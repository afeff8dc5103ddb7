package org.aapf.bootstrap.cli;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import org.aapf.application.port.in.UsageView;
import org.aapf.domain.error.AapfException;
import org.aapf.domain.quota.LimitKind;
import org.aapf.domain.quota.Limits;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code aapf users limits NAME [--max-clusters N] ...}: a user's overrides of the configured limits. */
@Command(name = "limits", mixinStandardHelpOptions = true,
        description = "Set a user's limits (replacing every earlier override; a limit not given keeps the configured"
                + " default), then print the user's limits and use. Without options: print them.")
final class UsersLimitsCommand extends UsersCommand.UserSubcommand {

    @Parameters(paramLabel = "NAME", description = "Login name.")
    String name;

    @Option(names = "--max-clusters", paramLabel = "N", description = "AAClusters, counted until deleted.")
    Long maxClusters;

    @Option(names = "--max-cpu", paramLabel = "CORES", description = "Cores of instances not stopped, e.g. 4 or 0.5.")
    BigDecimal maxCpu;

    @Option(names = "--max-memory-mib", paramLabel = "MIB", description = "MiB of memory of instances not stopped.")
    Long maxMemoryMiB;

    @Option(names = "--max-gpus", paramLabel = "N", description = "GPUs of instances not stopped.")
    Long maxGpus;

    @Option(names = "--reset", description = "Remove every override: the configured defaults apply.")
    boolean reset;

    @Override
    public void run() {
        if (given() || reset) {
            Limits overrides = overrides();
            withUsersAudited("limits.set", name, reset ? "reset to the defaults" : describe(overrides),
                    users -> print(users.setLimits().setLimits(name, overrides)));
        } else {
            withUsers(users -> print(users.usage().list().stream()
                    .filter(user -> user.user().username().equals(name)).findFirst()
                    .orElseThrow(() -> AapfException.notFound("No user named '" + name + "'.")).usage()));
        }
    }

    private void print(UsageView view) {
        for (LimitKind kind : LimitKind.values()) {
            var bound = view.limits().bound(kind);
            out().printf("%-13s %s of %s%n", kind.fieldName(), kind.format(view.usage().of(kind)),
                    bound.isPresent() ? kind.describe(bound.getAsLong()) : "unlimited");
        }
    }

    /** The overrides as the audit trail shows them, e.g. {@code maxClusters 5 AAClusters, maxCpu 4 CPU}. */
    private static String describe(Limits overrides) {
        StringBuilder text = new StringBuilder();
        for (LimitKind kind : LimitKind.values()) {
            var bound = overrides.bound(kind);
            if (bound.isPresent()) {
                text.append(text.isEmpty() ? "" : ", ").append(kind.fieldName()).append(' ')
                        .append(kind.describe(bound.getAsLong()));
            }
        }
        return text.toString();
    }

    private boolean given() {
        return maxClusters != null || maxCpu != null || maxMemoryMiB != null || maxGpus != null;
    }

    private Limits overrides() {
        if (reset && given()) {
            throw AapfException.invalid("--reset takes no other limit");
        }
        Map<LimitKind, Long> bounds = new EnumMap<>(LimitKind.class);
        bounds.put(LimitKind.CLUSTERS, maxClusters);
        bounds.put(LimitKind.MEMORY, maxMemoryMiB);
        bounds.put(LimitKind.GPUS, maxGpus);
        if (maxCpu != null) {
            if (maxCpu.signum() < 0 || maxCpu.stripTrailingZeros().scale() > 3
                    || maxCpu.compareTo(BigDecimal.valueOf(1_000_000_000L)) > 0) {
                throw AapfException.invalid("--max-cpu must be a number of cores from 0 to 1000000000, in steps of"
                        + " 0.001");
            }
            bounds.put(LimitKind.CPU, maxCpu.movePointRight(3).longValueExact());
        }
        try {
            return Limits.of(bounds);
        } catch (IllegalArgumentException e) {
            throw AapfException.invalid(e.getMessage());
        }
    }
}
