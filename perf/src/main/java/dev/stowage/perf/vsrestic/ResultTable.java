package dev.stowage.perf.vsrestic;

import dev.stowage.store.metering.CostClass;
import java.io.PrintStream;
import java.util.List;

/** Prints the phases' medians as a table, one JSON line per phase and tool, and the targets. */
final class ResultTable {

    private ResultTable() {
    }

    static void print(List<PhaseResult> results, PrintStream out) {
        out.printf("%n%-16s %-11s %4s %8s %8s %8s %6s %6s %5s %5s %9s %9s %4s %4s %10s%n", "phase", "tool", "runs",
                "wall s", "CPU s", "RSS MiB", "PUTs", "A", "B", "C", "up MiB", "down MiB", "infl", "puts",
                "repo MiB");
        for (PhaseResult r : results) {
            if (!r.measured()) {
                out.printf("%-16s %-11s %s%n", r.phase(), r.tool(), r.note());
                continue;
            }
            Traffic t = r.traffic();
            out.printf("%-16s %-11s %4d %8.2f %8.2f %8.0f %6d %6d %5d %5d %9.1f %9.1f %4d %4d %10.1f%n",
                    r.phase(), r.tool(), r.runs().size(), r.wallSeconds(), r.cpuSeconds(), r.peakRssMiB(), t.puts(),
                    t.inClass(CostClass.A), t.inClass(CostClass.B), t.inClass(CostClass.C), t.bytesUp() / 1048576.0,
                    t.bytesDown() / 1048576.0, t.maxInFlight(), t.maxPutsInFlight(),
                    r.representative().repositoryBytes() / 1048576.0);
        }
        out.println("wall, CPU (user+sys of the process and its children) and RSS: medians; requests, bytes and"
                + " repository size: the median run; infl/puts: most requests/uploads in flight");
        out.println();
        for (PhaseResult r : results) {
            out.println("JSON " + r.toJson());
        }
    }
}
