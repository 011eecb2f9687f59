package dev.stowage.jobs.resources;

import dev.stowage.kube.backup.ResourceBackupOptions;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code stowage.resources.*}: how backups take Kubernetes resources.
 *
 * @param excludedNamespaces namespaces every backup leaves out, merged into {@code --exclude-namespaces};
 *                           unset: Stowage's own namespace, {@code kube-system} and {@code default}, as
 *                           the seeds' schedules do. Set it empty to exclude none.
 * @param pageSize           objects per list request
 */
@ConfigurationProperties("stowage.resources")
public record ResourcesProperties(List<String> excludedNamespaces, Integer pageSize) {

    public ResourcesProperties {
        pageSize = pageSize == null ? ResourceBackupOptions.DEFAULT_PAGE_SIZE : pageSize;
    }

    /** The configured exclusions, or the seeds' when none are configured. */
    public List<String> excludedNamespaces(String ownNamespace) {
        return excludedNamespaces != null ? excludedNamespaces : List.of(ownNamespace, "kube-system", "default");
    }
}
