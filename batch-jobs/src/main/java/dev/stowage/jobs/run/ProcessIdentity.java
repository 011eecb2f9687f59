package dev.stowage.jobs.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * The process running a job execution: host, pid and start time (pids are reused, start times are
 * not). Kept in the job execution context so a later run can tell whether a STARTED execution still
 * has a process behind it.
 */
public record ProcessIdentity(String host, long pid, Instant started) {

    private static final ProcessIdentity CURRENT = new ProcessIdentity(localHost(), ProcessHandle.current().pid(),
            ProcessHandle.current().info().startInstant().orElse(Instant.EPOCH));

    public static ProcessIdentity current() {
        return CURRENT;
    }

    /** {@code host/pid/startEpochMillis} */
    public String encode() {
        return host + "/" + pid + "/" + started.toEpochMilli();
    }

    public static ProcessIdentity decode(String encoded) {
        String[] parts = encoded.split("/");
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a process identity: " + encoded);
        }
        return new ProcessIdentity(parts[0], Long.parseLong(parts[1]), Instant.ofEpochMilli(Long.parseLong(parts[2])));
    }

    @Override
    public String toString() {
        return "process " + pid + " on " + host;
    }

    /** The host name without a DNS lookup (which can stall a CronJob pod for seconds). */
    static String localHost() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env.trim();
        }
        try {
            String file = Files.readString(Path.of("/etc/hostname")).trim();
            if (!file.isEmpty()) {
                return file;
            }
        } catch (IOException | RuntimeException ignored) {
            // not Linux: fall through
        }
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
