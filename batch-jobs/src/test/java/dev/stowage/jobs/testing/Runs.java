package dev.stowage.jobs.testing;

import dev.stowage.jobs.backup.BackupCreateRequest;
import dev.stowage.jobs.backup.BackupService;
import dev.stowage.jobs.restore.RestoreCreateRequest;
import dev.stowage.jobs.restore.RestoreService;
import java.nio.file.Path;
import java.util.Arrays;
import org.springframework.batch.core.job.JobExecution;

/** {@code backup create} and {@code restore create} as the CLI runs them, minus the printing. */
public final class Runs {

    private Runs() {
    }

    public static JobExecution backup(JobsContext context, String location, String name, Path... paths) {
        BackupService backups = context.bean(BackupService.class);
        return backups.run(backups.prepare(new BackupCreateRequest(name,
                Arrays.stream(paths).map(Path::toString).toList(), location, "720h")));
    }

    public static JobExecution restore(JobsContext context, String location, String name, String backup, Path target) {
        RestoreService restores = context.bean(RestoreService.class);
        return restores.run(restores.prepare(new RestoreCreateRequest(name, backup, location,
                target == null ? null : target.toString())));
    }
}
