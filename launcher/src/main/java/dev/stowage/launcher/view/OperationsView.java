package dev.stowage.launcher.view;

import dev.stowage.jobs.manifest.Operations;
import java.util.stream.Collectors;

/**
 * Object-store requests in one line, by kind and by B2 transaction class:
 * {@code 12 (PutObject 9, GetObject 2, HeadObject 1; class A 9, B 3, C 0)}.
 */
final class OperationsView {

    private OperationsView() {
    }

    static String line(Operations operations) {
        String kinds = operations.byKind().entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .map(e -> e.getKey() + " " + Human.count(e.getValue()))
                .collect(Collectors.joining(", "));
        String classes = operations.byClass().entrySet().stream()
                .map(e -> e.getKey() + " " + Human.count(e.getValue()))
                .collect(Collectors.joining(", "));
        return Human.count(operations.total()) + (kinds.isEmpty() ? "" : " (" + kinds + "; class " + classes + ")");
    }
}
