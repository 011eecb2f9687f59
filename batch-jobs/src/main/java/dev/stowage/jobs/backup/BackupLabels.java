package dev.stowage.jobs.backup;

import dev.stowage.jobs.InvalidRequestException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Labels of a backup ({@code --labels tier=offsite,app=web}), with Kubernetes' label syntax so they can
 * go on CronJobs and be selected on. A scheduled backup carries {@link #SCHEDULE}.
 */
public final class BackupLabels {

    /** The schedule a backup was made by; also the label of the schedule's CronJob. */
    public static final String SCHEDULE = dev.stowage.jobs.manifest.BackupManifest.SCHEDULE_LABEL;

    private static final Pattern KEY = Pattern.compile("([a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?/)?"
            + "[A-Za-z0-9]([A-Za-z0-9._-]{0,61}[A-Za-z0-9])?");
    private static final Pattern VALUE = Pattern.compile("([A-Za-z0-9]([A-Za-z0-9._-]{0,61}[A-Za-z0-9])?)?");

    private BackupLabels() {
    }

    /** {@code k=v,k=v}; empty or null for none. */
    public static Map<String, String> parse(String text, String what) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return labels;
        }
        for (String pair : text.split(",")) {
            int equals = pair.indexOf('=');
            if (equals < 0) {
                throw new InvalidRequestException(what + " '" + pair.trim() + "' is not key=value: write labels as "
                        + "tier=offsite,app=web");
            }
            labels.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
        }
        check(labels, what);
        return labels;
    }

    /** Refuses what Kubernetes would refuse as a label. */
    public static void check(Map<String, String> labels, String what) {
        labels.forEach((key, value) -> {
            if (!KEY.matcher(key).matches() || value == null || !VALUE.matcher(value).matches()) {
                throw new InvalidRequestException(what + " '" + key + "=" + value + "' is not a Kubernetes label: "
                        + "keys and values are letters, digits, '.', '_' and '-' (up to 63, starting and ending "
                        + "with a letter or digit), a key may have a DNS prefix and '/'");
            }
        });
    }

    /** {@code k=v,k=v}, sorted by key. */
    public static String format(Map<String, String> labels) {
        return new TreeMap<>(labels).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(","));
    }
}
