package dev.stowage.launcher.view;

import dev.stowage.jobs.status.JobRunDetail;
import dev.stowage.jobs.status.JobRunView;
import dev.stowage.jobs.status.StepRunView;
import java.io.PrintWriter;
import java.util.List;

/** Job executions and their steps from the JobRepository. */
public final class JobsView {

    private JobsView() {
    }

    public static void list(PrintWriter out, List<JobRunView> runs) {
        Table table = new Table("EXECUTION", "JOB", "NAME", "STATUS", "STARTED", "ENDED", "DURATION", "EXIT");
        runs.forEach(r -> table.row(r.executionId(), r.job(), r.name(), status(r), Human.time(r.start()),
                Human.time(r.end()), Human.duration(r.duration()), exit(r)));
        table.print(out, "");
    }

    public static void detail(PrintWriter out, JobRunDetail detail) {
        JobRunView r = detail.run();
        out.println("Execution:    " + r.executionId());
        out.println("Job:          " + r.job() + " " + r.name());
        out.println("Status:       " + status(r));
        out.println("Started:      " + Human.time(r.start()));
        out.println("Ended:        " + Human.time(r.end()));
        out.println("Duration:     " + Human.duration(r.duration()));
        out.println("Process:      " + (r.process() == null ? "-" : r.process()));
        out.println("Exit:         " + exit(r));
        out.println();
        Table table = new Table("STEP", "STATUS", "READ", "WRITE", "FILES", "BYTES", "DURATION", "FAILURE");
        for (StepRunView s : detail.steps()) {
            table.row(s.step(), s.status(), s.readCount(), s.writeCount(), Human.count(s.files()), Human.bytes(s.bytes()),
                    Human.duration(s.duration()), s.failure());
        }
        for (StepRunView s : detail.notRerun()) {
            table.row(s.step(), "not re-run: " + s.status() + " in execution " + s.ranInExecution(), s.readCount(),
                    s.writeCount(), Human.count(s.files()), Human.bytes(s.bytes()), Human.duration(s.duration()), null);
        }
        table.print(out, "");
    }

    private static String status(JobRunView r) {
        return r.processGone() ? r.status() + " (process gone)" : r.status();
    }

    private static String exit(JobRunView r) {
        if (r.exitDescription() == null) {
            return r.exitCode();
        }
        String description = r.exitDescription().length() > 100 ? r.exitDescription().substring(0, 97) + "..."
                : r.exitDescription();
        return r.exitCode() + ": " + description;
    }
}
