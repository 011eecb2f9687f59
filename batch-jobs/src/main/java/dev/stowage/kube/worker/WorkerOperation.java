package dev.stowage.kube.worker;

import java.util.Locale;

/** What a worker does: {@code stowage worker backup} or {@code stowage worker restore}. */
public enum WorkerOperation {
    BACKUP, RESTORE;

    /** "backup", "restore": the command word and the label value. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static WorkerOperation fromWord(String word) {
        for (WorkerOperation operation : values()) {
            if (operation.word().equals(word)) {
                return operation;
            }
        }
        throw new IllegalArgumentException("unknown worker operation '" + word + "': use backup or restore");
    }
}
