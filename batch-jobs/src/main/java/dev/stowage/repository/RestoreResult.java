package dev.stowage.repository;

import java.util.List;

/**
 * @param files  regular files restored and verified
 * @param bytes  bytes written
 * @param errors one line per file that could not be restored, naming the file and the object at fault
 */
public record RestoreResult(long files, long directories, long bytes, List<String> errors) {
    public RestoreResult {
        errors = List.copyOf(errors);
    }

    public boolean ok() {
        return errors.isEmpty();
    }
}
