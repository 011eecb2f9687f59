package dev.stowage.jobs.restore;

/**
 * What {@code stowage restore create} asks for.
 *
 * @param name     restore name, or null for {@code <backup>-<yyyyMMddHHmmss>}
 * @param target   directory to restore into (each volume in a subdirectory named after it), or null to
 *                 restore each volume where it was backed up from
 */
public record RestoreCreateRequest(String name, String backup, String location, String target) {
}
