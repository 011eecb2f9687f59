package dev.stowage.launcher.cli;

import dev.stowage.jobs.schedule.ScheduleService;
import dev.stowage.kube.schedule.ReconcileAction;
import dev.stowage.launcher.view.ScheduleView;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "apply", mixinStandardHelpOptions = true,
        description = {"Make the cluster's CronJobs match the schedules, for installs without Helm: one CronJob",
                "stowage-<schedule> per schedule and the suspended stowage-restore template, in stowage.kubernetes.namespace.",
                "Creates what is missing, updates what changed, deletes the CronJobs it made that are no longer",
                "configured. CronJobs it did not make (a Helm release's, anyone's) are never touched.",
                "Running it twice changes nothing the second time."})
class ScheduleApplyCommand implements Callable<Integer> {

    private final CliContext context;

    @Option(names = "--dry-run", description = "Print what would change and the CronJobs as YAML; change nothing.")
    private boolean dryRun;

    @Option(names = {"-n", "--namespace"}, paramLabel = "NS",
            description = "Stowage's namespace (default: stowage.kubernetes.namespace, `stowage`).")
    private String namespace;

    @Mixin
    private KubernetesOptions.Connection kubernetes;

    ScheduleApplyCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        kubernetes.apply(context);
        ScheduleService.ApplyResult result = context.bean(ScheduleService.class).apply(namespace, dryRun);
        ScheduleView.actions(context.out(), result.actions(), dryRun);
        if (result.optionsCreated() != null) {
            context.out().println((dryRun ? "Would create" : "Created") + " ConfigMap "
                    + result.optionsCreated().getMetadata().getName() + " (restore options: the latest backup).");
        }
        if (dryRun) {
            Set<ReconcileAction.Kind> shown = Set.of(ReconcileAction.Kind.CREATE, ReconcileAction.Kind.UPDATE);
            List<HasMetadata> changed = new ArrayList<>();
            result.desired().stream().filter(c -> result.actions().stream().anyMatch(a -> shown.contains(a.kind())
                    && a.name().equals(c.getMetadata().getName()))).forEach(changed::add);
            ScheduleView.manifests(context.out(), changed);
        }
        List<ReconcileAction> conflicts = result.actions().stream()
                .filter(a -> a.kind() == ReconcileAction.Kind.CONFLICT).toList();
        conflicts.forEach(a -> context.err().println("stowage: CronJob " + a.name() + " " + a.reason()));
        return conflicts.isEmpty() ? ExitCodes.OK : ExitCodes.PARTIALLY_FAILED;
    }
}
