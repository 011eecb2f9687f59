package dev.stowage.launcher.view;

import dev.stowage.jobs.manifest.Operations;
import dev.stowage.store.location.CheckResult;
import dev.stowage.store.location.ValidationReport;
import java.io.PrintWriter;
import java.util.List;

/** What {@code stowage location validate} found: each check, what it saw, and the fix of each failure. */
public final class ValidationView {

    private ValidationView() {
    }

    /**
     * One location's validation for JSON and YAML.
     *
     * @param requests what the validation itself sent to the location
     */
    public record Shown(String name, String location, boolean ok, List<CheckResult> checks, Operations requests) {

        public static Shown of(String name, ValidationReport report) {
            return new Shown(name, report.location(), report.ok(), report.checks(), Operations.of(report.counts()));
        }
    }

    public static void print(PrintWriter out, ValidationReport report) {
        out.print(report.summary());
        out.println("  requests sent: " + OperationsView.line(Operations.of(report.counts())));
        out.flush();
    }
}
