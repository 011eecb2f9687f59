package dev.stowage.launcher.view;

import dev.stowage.jobs.schedule.ScheduleStatus;
import dev.stowage.kube.schedule.ReconcileAction;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.PrintWriter;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** {@code stowage schedule get} and {@code schedule apply} as people read them. */
public final class ScheduleView {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z");

    private ScheduleView() {
    }

    public static void list(PrintWriter out, List<ScheduleStatus> statuses) {
        if (statuses.isEmpty()) {
            out.println("No schedules: add them under stowage.schedules.<name> (cron, location, ttl).");
            return;
        }
        Table table = new Table("NAME", "CRON", "ZONE", "LOCATION", "LAST BACKUP", "LAST RUN", "RESULT", "NEXT RUN");
        for (ScheduleStatus s : statuses) {
            if (s.problem() != null) {
                table.row(s.name(), dash(s.cron()), "-", dash(s.location()), "-", "-", "Invalid", "-");
                continue;
            }
            table.row(s.name(), s.cron(), s.timeZone(), s.location(), dash(s.lastBackup()),
                    s.lastRun() == null ? "never" : LOCAL.format(s.lastRun().atZone(java.time.ZoneId.of(s.timeZone()))),
                    s.lastResult() == null ? "-" : s.lastResult(), next(s));
        }
        table.print(out, "");
        statuses.stream().filter(s -> s.problem() != null)
                .forEach(s -> out.println("Schedule " + s.name() + " is invalid: " + s.problem()));
    }

    public static void actions(PrintWriter out, List<ReconcileAction> actions, boolean dryRun) {
        Table table = new Table("CRONJOB", dryRun ? "WOULD" : "DONE", "WHY");
        actions.forEach(a -> table.row(a.name(), a.kind().name().toLowerCase(), a.reason()));
        table.print(out, "");
    }

    /** Kubernetes objects as {@code kubectl apply -f} reads them. */
    public static void manifests(PrintWriter out, List<? extends HasMetadata> objects) {
        for (HasMetadata object : objects) {
            out.println("---");
            out.print(Serialization.asYaml(object).replaceFirst("^---\\n", ""));
        }
    }

    private static String next(ScheduleStatus s) {
        if (s.suspended()) {
            return "suspended";
        }
        ZonedDateTime next = s.nextRun();
        return next == null ? "never" : LOCAL.format(next);
    }

    private static String dash(String value) {
        return value == null ? "-" : value;
    }
}
