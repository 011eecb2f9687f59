package dev.stowage.kube.schedule;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The launcher container's arguments. A scheduled backup spells out everything it does, in the order
 * the chart writes them (cronjob-backup.yaml), so {@code kubectl describe cronjob} shows what a run
 * does and the pod needs no schedule configuration of its own.
 */
public final class LauncherArguments {

    /** Where the restore template's pod finds the restore-options ConfigMap. */
    public static final String RESTORE_OPTIONS_FILE = "/etc/stowage/restore/options.yaml";

    private LauncherArguments() {
    }

    public static List<String> backup(BackupSchedule schedule) {
        List<String> args = new ArrayList<>(List.of("backup", "create", "--schedule", schedule.name(),
                "--location", schedule.location(), "--ttl", schedule.ttl()));
        joined(args, "--include-namespaces", schedule.includedNamespaces());
        joined(args, "--exclude-namespaces", schedule.excludedNamespaces());
        joined(args, "--include-resources", schedule.includedResources());
        joined(args, "--exclude-resources", schedule.excludedResources());
        args.add(schedule.defaultVolumesToFsBackup() ? "--default-volumes-to-fs-backup"
                : "--no-default-volumes-to-fs-backup");
        if (!schedule.labels().isEmpty()) {
            args.add("--labels");
            args.add(schedule.labels().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(",")));
        }
        return List.copyOf(args);
    }

    public static List<String> restore() {
        return List.of("restore", "create", "--options-file", RESTORE_OPTIONS_FILE);
    }

    private static void joined(List<String> args, String option, List<String> values) {
        if (!values.isEmpty()) {
            args.add(option);
            args.add(String.join(",", values));
        }
    }
}
