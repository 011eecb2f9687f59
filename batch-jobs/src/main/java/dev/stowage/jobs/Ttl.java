package dev.stowage.jobs;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Backup retention written as Velero writes it: {@code 720h}, {@code 72h30m}, {@code 90m}; also {@code 30d}. */
public final class Ttl {

    private static final Pattern PART = Pattern.compile("(\\d+)(d|h|m|s)");

    private Ttl() {
    }

    public static Duration parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidRequestException("empty --ttl: give a duration such as 720h or 30d");
        }
        Matcher matcher = PART.matcher(text.trim());
        Duration total = Duration.ZERO;
        int end = 0;
        while (matcher.find()) {
            if (matcher.start() != end) {
                break;
            }
            long amount = Long.parseLong(matcher.group(1));
            total = total.plus(switch (matcher.group(2)) {
                case "d" -> Duration.ofDays(amount);
                case "h" -> Duration.ofHours(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofSeconds(amount);
            });
            end = matcher.end();
        }
        if (end == 0 || end != text.trim().length()) {
            throw new InvalidRequestException("invalid --ttl '" + text + "': give a duration such as 720h, 72h30m or 30d");
        }
        if (total.isZero()) {
            throw new InvalidRequestException("--ttl must be longer than zero: give a duration such as 720h");
        }
        return total;
    }

    /** {@code 720h0m0s}, the form Velero prints. */
    public static String format(Duration duration) {
        return duration.toHours() + "h" + duration.toMinutesPart() + "m" + duration.toSecondsPart() + "s";
    }
}
