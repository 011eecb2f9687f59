package dev.stowage.launcher.view;

import dev.stowage.jobs.manifest.Operations;
import java.util.stream.Collectors;

/** Object-store operations in one line: {@code 12 (PutObject 9, GetObject 2, HeadObject 1)}. */
final class OperationsView {

    private OperationsView() {
    }

    static String line(Operations operations) {
        String kinds = operations.byKind().entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .map(e -> e.getKey() + " " + Human.count(e.getValue()))
                .collect(Collectors.joining(", "));
        return Human.count(operations.total()) + (kinds.isEmpty() ? "" : " (" + kinds + ")");
    }
}
