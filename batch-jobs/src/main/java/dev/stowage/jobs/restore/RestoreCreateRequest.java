package dev.stowage.jobs.restore;

import dev.stowage.jobs.resources.ResourceRestoreRequest;

/**
 * What {@code stowage restore create} asks for.
 *
 * @param name      restore name, or null for {@code <backup>-<yyyyMMddHHmmss>}
 * @param target    directory to restore into (each volume in a subdirectory named after it), or null to
 *                  restore each volume where it was backed up from
 * @param resources filters, mappings and policy for the backup's Kubernetes resources, if it has any
 */
public record RestoreCreateRequest(String name, String backup, String location, String target,
        ResourceRestoreRequest resources) {

    public RestoreCreateRequest {
        resources = resources == null ? ResourceRestoreRequest.none() : resources;
    }

    /** A restore with the resources' defaults (all of them, no mappings, existing objects kept). */
    public RestoreCreateRequest(String name, String backup, String location, String target) {
        this(name, backup, location, target, null);
    }
}
