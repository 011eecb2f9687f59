package dev.stowage.launcher.view;

/** {@code -o}: a table for people, JSON or YAML for scripts. */
public enum OutputFormat {
    TABLE, JSON, YAML
}
