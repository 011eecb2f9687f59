package dev.stowage.repository;

/**
 * Where a long operation stands. Totals are -1 while unknown.
 *
 * @param currentPath the file being worked on, relative to the root, or null
 */
public record Progress(long files, long bytes, long filesTotal, long bytesTotal, String currentPath) {
}
