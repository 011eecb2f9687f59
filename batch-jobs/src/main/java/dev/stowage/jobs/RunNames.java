package dev.stowage.jobs;

import java.util.regex.Pattern;

/** Names of backups and restores: they become document names in the repository and file names in logs. */
public final class RunNames {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private RunNames() {
    }

    public static String check(String name, String what) {
        if (name == null || !VALID.matcher(name).matches()) {
            throw new InvalidRequestException("invalid " + what + " name '" + name
                    + "': use letters, digits, '.', '_' and '-' (up to 100, starting with a letter or digit)");
        }
        return name;
    }
}
