package dev.stowage.jobs.restore;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.stowage.jobs.resources.ResourceFilters;
import dev.stowage.jobs.resources.ResourceRestoreRequest;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What a restore run in the cluster does, as the restore-options ConfigMap holds it ({@code options.yaml},
 * the chart's {@code restore.options}) and {@code restore create --options-file} reads it. Field names are
 * the chart's.
 *
 * @param name                   the restore's name; empty for {@code <backup>-<yyyyMMddHHmmss>}
 * @param fromBackup             a backup's name, or {@code latest}: the newest Completed one
 * @param fromSchedule           with {@code latest}: the newest of this schedule only
 * @param location               where the backup is; empty for the default location
 * @param namespaceMappings      source namespace to target namespace
 * @param storageClassMappings   old storage class to new one
 * @param existingResourcePolicy {@code none} (keep what exists) or {@code update}
 * @param restoreVolumes         whether the backup's volumes are restored, beside its resources
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record RestoreOptions(String name, String fromBackup, String fromSchedule, String location, List<String> includedNamespaces,
        List<String> excludedNamespaces, List<String> includedResources, List<String> excludedResources,
        Map<String, String> namespaceMappings, Map<String, String> storageClassMappings,
        String existingResourcePolicy, Boolean restoreVolumes) {

    @JsonCreator
    public RestoreOptions {
        name = blankToNull(name);
        fromBackup = blankToNull(fromBackup);
        fromSchedule = blankToNull(fromSchedule);
        location = blankToNull(location);
        includedNamespaces = includedNamespaces == null ? List.of() : List.copyOf(includedNamespaces);
        excludedNamespaces = excludedNamespaces == null ? List.of() : List.copyOf(excludedNamespaces);
        includedResources = includedResources == null ? List.of() : List.copyOf(includedResources);
        excludedResources = excludedResources == null ? List.of() : List.copyOf(excludedResources);
        namespaceMappings = namespaceMappings == null ? Map.of() : new TreeMap<>(namespaceMappings);
        storageClassMappings = storageClassMappings == null ? Map.of() : new TreeMap<>(storageClassMappings);
        existingResourcePolicy = blankToNull(existingResourcePolicy);
        restoreVolumes = restoreVolumes == null || restoreVolumes;
    }

    /** These options with every option {@code given} sets in place of this one's (restoreVolumes stays). */
    public RestoreOptions overriddenBy(RestoreOptions given) {
        return new RestoreOptions(or(given.name, name), or(given.fromBackup, fromBackup),
                or(given.fromSchedule, fromSchedule), or(given.location, location),
                or(given.includedNamespaces, includedNamespaces), or(given.excludedNamespaces, excludedNamespaces),
                or(given.includedResources, includedResources), or(given.excludedResources, excludedResources),
                given.namespaceMappings.isEmpty() ? namespaceMappings : given.namespaceMappings,
                given.storageClassMappings.isEmpty() ? storageClassMappings : given.storageClassMappings,
                or(given.existingResourcePolicy, existingResourcePolicy), restoreVolumes);
    }

    /**
     * {@code src:dst,src2:dst2} as a map; a pair without ':' is kept whole as a key so the restore's own
     * check reports it.
     */
    public static Map<String, String> mappings(String pairs) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        if (pairs != null) {
            for (String pair : pairs.split(",")) {
                int colon = pair.indexOf(':');
                if (!pair.isBlank()) {
                    map.put(colon < 0 ? pair.trim() : pair.substring(0, colon).trim(),
                            colon < 0 ? "" : pair.substring(colon + 1).trim());
                }
            }
        }
        return map;
    }

    private static <T> T or(T given, T own) {
        return given == null || (given instanceof List<?> list && list.isEmpty()) ? own : given;
    }

    /** The resource part, in the form the command-line options take. */
    public ResourceRestoreRequest resources() {
        return new ResourceRestoreRequest(new ResourceFilters(includedNamespaces, excludedNamespaces,
                includedResources, excludedResources, null, null), pairs(namespaceMappings), pairs(storageClassMappings),
                // none is the default: said in a file (the chart's always says it) it asks for nothing
                "none".equalsIgnoreCase(existingResourcePolicy) ? null : existingResourcePolicy);
    }

    private static String pairs(Map<String, String> mappings) {
        return mappings.isEmpty() ? null : mappings.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue())
                .collect(Collectors.joining(","));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
