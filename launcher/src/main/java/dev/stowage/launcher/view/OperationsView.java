package dev.stowage.launcher.view;

import dev.stowage.jobs.manifest.EstimatedCost;
import dev.stowage.jobs.manifest.Operations;
import dev.stowage.store.metering.CostClass;
import java.io.PrintWriter;
import java.util.stream.Collectors;

/** A run's store requests, by B2 class and by kind, and what they cost. */
final class OperationsView {

    private OperationsView() {
    }

    /** {@code 12 (class A 9, class B 2, class C 1)}: for one-line summaries. */
    static String line(Operations operations) {
        return Human.count(operations.total()) + " (" + classes(operations) + ")";
    }

    /** The {@code Requests:} and {@code Cost:} lines of {@code describe}. */
    static void describe(PrintWriter out, Operations operations, EstimatedCost cost) {
        String kinds = operations.byKind().entrySet().stream()
                .map(e -> e.getKey() + " " + Human.count(e.getValue()))
                .collect(Collectors.joining(", "));
        out.println("Requests:     " + Human.count(operations.total()) + ": " + classes(operations)
                + (kinds.isEmpty() ? "" : " (" + kinds + ")"));
        out.println("Cost:         $" + cost.dollars().toPlainString() + " as the day's only run (after the free"
                + " daily requests), $" + cost.dollarsWithoutFreeAllowance().toPlainString() + " past them");
    }

    private static String classes(Operations operations) {
        StringBuilder text = new StringBuilder();
        for (CostClass costClass : CostClass.values()) {
            text.append(text.length() == 0 ? "" : ", ").append("class ").append(costClass).append(' ')
                    .append(Human.count(operations.count(costClass)));
        }
        return text.toString();
    }
}
