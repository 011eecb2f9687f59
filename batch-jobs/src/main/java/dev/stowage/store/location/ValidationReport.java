package dev.stowage.store.location;

import dev.stowage.store.location.CheckResult.Status;
import dev.stowage.store.metering.OperationCounts;
import java.util.List;
import java.util.Optional;

/**
 * Everything {@link LocationValidator} found about one location, in the order it checked.
 *
 * @param location the location, described ("b2 (bucket backups at https://…)")
 * @param checks   every check, passed or not
 * @param counts   the requests the validation itself sent
 */
public record ValidationReport(String location, List<CheckResult> checks, OperationCounts counts) {

    public ValidationReport {
        checks = List.copyOf(checks);
    }

    /** True when no check failed (warnings allowed). */
    public boolean ok() {
        return failures().isEmpty();
    }

    public List<CheckResult> failures() {
        return withStatus(Status.FAIL);
    }

    public List<CheckResult> warnings() {
        return withStatus(Status.WARN);
    }

    public Optional<CheckResult> check(String name) {
        return checks.stream().filter(check -> check.name().equals(name)).findFirst();
    }

    /** A text for logs and the CLI, one line per check and one per fix. */
    public String summary() {
        StringBuilder text = new StringBuilder("location ").append(location).append(": ")
                .append(ok() ? "OK" : "FAILED").append('\n');
        for (CheckResult check : checks) {
            text.append(String.format("  %-7s %-18s %s%n", check.status(), check.name(), check.detail()));
            if (check.fix() != null) {
                text.append(String.format("  %-7s %-18s fix: %s%n", "", "", check.fix()));
            }
        }
        return text.toString();
    }

    private List<CheckResult> withStatus(Status status) {
        return checks.stream().filter(check -> check.status() == status).toList();
    }
}
