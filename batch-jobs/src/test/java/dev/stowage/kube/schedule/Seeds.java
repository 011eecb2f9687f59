package dev.stowage.kube.schedule;

import java.util.List;
import java.util.Map;

/** The seeds' schedules, as the chart's values-full.yaml has them, for the renderer's tests. */
final class Seeds {

    static final Installation INSTALLATION = new Installation("stowage", "stowage", null);
    static final List<String> DEFAULT_EXCLUSIONS = List.of("stowage", "kube-system", "default");

    private Seeds() {
    }

    static BackupSchedule daily() {
        return new BackupSchedule("daily", "0 2 * * *", "Etc/UTC", false, "nas", "336h", null, DEFAULT_EXCLUSIONS,
                null, null, true, null, CronJobPolicy.DEFAULTS);
    }

    static BackupSchedule weekly() {
        return new BackupSchedule("weekly", "0 3 * * 0", "Europe/Berlin", false, "b2", "672h", null,
                DEFAULT_EXCLUSIONS, null, null, true, null, CronJobPolicy.DEFAULTS);
    }

    static BackupSchedule offsite() {
        return new BackupSchedule("weekly-offsite", "0 3 * * 6", "Etc/UTC", false, "b2", "2160h", null,
                List.of("stowage", "kube-system", "default", "kiwix"), List.of("persistentvolumeclaims", "deployments.apps"),
                null, false, Map.of("tier", "offsite"), CronJobPolicy.DEFAULTS);
    }
}
