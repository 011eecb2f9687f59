package dev.stowage.repository;

import java.util.List;

/**
 * @param problems one line per problem, naming the object (and the snapshot path that needs it)
 */
public record CheckReport(long snapshots, long packs, long blobs, boolean dataRead, List<String> problems) {
    public CheckReport {
        problems = List.copyOf(problems);
    }

    public boolean ok() {
        return problems.isEmpty();
    }
}
