package org.aapf.bootstrap.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.aapf.application.port.in.AuditPage;
import org.aapf.application.port.in.AuditQuery;
import org.aapf.application.port.in.ExportAuditQuery;
import org.aapf.bootstrap.config.ConfiguredAapf;
import org.aapf.domain.audit.AuditEntry;
import org.aapf.domain.audit.AuditRecord;
import org.aapf.embedded.Aapf;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code aapf audit ...}: the operator's view of the audit trail. */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "Read the audit trail.",
        subcommands = {AuditCommand.Export.class})
final class AuditCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Print the audit entries since --since as JSON lines, oldest first.")
    static final class Export implements Callable<Integer> {

        private static final ObjectMapper JSON = new ObjectMapper();
        private static final int PAGE = 1000;

        @Mixin
        ConfigOption config;

        @Spec
        CommandSpec spec;

        @Option(names = "--since", paramLabel = "TIME",
                description = "An ISO-8601 time such as 2026-12-04T21:00:00Z, or a duration back from now such as"
                        + " PT1H or P7D; default: everything kept.")
        String since;

        @Override
        public Integer call() {
            Instant from = since == null ? Instant.EPOCH : AuditQuery.since(since, Instant.now());
            PrintWriter out = spec.commandLine().getOut();
            try (Aapf aapf = ConfiguredAapf.builder(config.load(), System.getenv()).build()) {
                ExportAuditQuery export = aapf.component().exportAudit();
                long after = 0;
                while (true) {
                    AuditPage page = export.export(new AuditQuery(from, after, PAGE));
                    page.records().forEach(record -> out.println(line(record)));
                    if (page.next().isEmpty()) {
                        break;
                    }
                    after = page.next().getAsLong();
                }
            }
            out.flush();
            return 0;
        }

        /** One JSON object per entry, with the same fields as {@code GET /api/v1/admin/audit}. */
        static String line(AuditRecord record) {
            AuditEntry entry = record.entry();
            var node = JSON.createObjectNode()
                    .put("id", record.id())
                    .put("at", entry.at().toString())
                    .put("actor", entry.actor())
                    .put("action", entry.action())
                    .put("target", entry.target())
                    .put("address", entry.address())
                    .put("outcome", entry.outcome().apiName())
                    .put("detail", entry.detail());
            try {
                return JSON.writeValueAsString(node);
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
