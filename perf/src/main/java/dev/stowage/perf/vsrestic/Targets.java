package dev.stowage.perf.vsrestic;

import dev.stowage.store.metering.CostClass;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;

/**
 * The targets, checked on one run's results: Stowage's figures over restic's (wall time, and
 * CPU time beside it for a machine shared with other work), request counts and sizes.
 */
final class Targets {
    private final List<PhaseResult> results;
    private final PrintStream out;

    private Targets(List<PhaseResult> results, PrintStream out) {
        this.results = results;
        this.out = out;
    }

    static void print(List<PhaseResult> results, PrintStream out) {
        Targets targets = new Targets(results, out);
        out.printf("%n%-44s %10s %10s %8s  %s%n", "target", "stowage", "restic", "ratio", "result");
        targets.timeRatio(Phases.FIRST, 0.35);
        targets.timeRatio(Phases.INCREMENTAL, 0.5);
        targets.timeRatio(Phases.NO_CHANGE, 1.0);
        targets.timeRatio(Phases.RESTORE, 0.4);
        for (String tool : List.of("stowage", "stowage-b2")) {
            targets.requests(tool, Phases.INCREMENTAL);
            targets.requests(tool, Phases.NO_CHANGE);
        }
        targets.puts("stowage", 1.0);
        targets.puts("stowage-b2", 1.0 / 3);
        targets.size(Phases.FIRST);
        targets.size(Phases.NO_CHANGE);
        targets.memory(Phases.FIRST);
        targets.memory(Phases.INCREMENTAL);
    }

    private Optional<PhaseResult> find(String phase, String tool) {
        return results.stream().filter(r -> r.phase().equals(phase) && r.tool().equals(tool) && r.measured())
                .findFirst();
    }

    private void timeRatio(String phase, double limit) {
        compare(phase + " wall ≤ " + limit + "× restic", phase, PhaseResult::wallSeconds, limit, "%.2f s");
        compare(phase + " CPU (for reference) ≤ " + limit + "×", phase, PhaseResult::cpuSeconds, limit, "%.2f s");
    }

    private void memory(String phase) {
        compare(phase + " peak RSS ≤ restic", phase, PhaseResult::peakRssMiB, 1.0, "%.0f MiB");
    }

    private void size(String phase) {
        compare("repository after " + phase + " ≤ restic", phase,
                r -> r.representative().repositoryBytes() / 1048576.0, 1.0, "%.1f MiB");
    }

    private void puts(String tool, double limit) {
        Optional<PhaseResult> mine = find(Phases.FIRST, tool);
        Optional<PhaseResult> theirs = find(Phases.FIRST, "restic");
        if (mine.isEmpty() || theirs.isEmpty()) {
            return;
        }
        line(tool + " first-backup uploads ≤ " + String.format("%.2f", limit) + "× restic",
                mine.get().traffic().puts(), theirs.get().traffic().puts(), limit, "%.0f");
    }

    private void requests(String tool, String phase) {
        find(phase, tool).ifPresent(r -> {
            long b = r.traffic().inClass(CostClass.B);
            long c = r.traffic().inClass(CostClass.C);
            boolean pass = c == 0 && b <= 1;
            out.printf("%-44s %10s %10s %8s  %s%n", tool + " " + phase + ": no C, ≤1 B", "B " + b + " C " + c, "",
                    "", pass ? "PASS" : "FAIL");
        });
    }

    private void compare(String label, String phase, java.util.function.ToDoubleFunction<PhaseResult> figure,
            double limit, String format) {
        Optional<PhaseResult> mine = find(phase, "stowage");
        Optional<PhaseResult> theirs = find(phase, "restic");
        if (mine.isPresent() && theirs.isPresent()) {
            line(label, figure.applyAsDouble(mine.get()), figure.applyAsDouble(theirs.get()), limit, format);
        }
    }

    private void line(String label, double mine, double theirs, double limit, String format) {
        double ratio = mine / theirs;
        String verdict = ratio <= limit ? "PASS" : String.format("FAIL by %.0f%%", 100 * (ratio / limit - 1));
        out.printf("%-44s %10s %10s %8.3f  %s%n", label, String.format(format, mine), String.format(format, theirs),
                ratio, verdict);
    }
}
