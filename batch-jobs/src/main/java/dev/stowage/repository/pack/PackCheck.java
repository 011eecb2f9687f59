package dev.stowage.repository.pack;

import java.util.List;

/**
 * What verifying one pack found.
 *
 * @param entries  the blobs its header lists (empty when the header itself is unreadable)
 * @param problems one line per problem, each naming the pack (and the blob, where one is at fault)
 */
public record PackCheck(String packKey, long size, List<PackEntry> entries, List<String> problems) {

    public PackCheck {
        entries = List.copyOf(entries);
        problems = List.copyOf(problems);
    }

    public boolean isSound() {
        return problems.isEmpty();
    }
}
