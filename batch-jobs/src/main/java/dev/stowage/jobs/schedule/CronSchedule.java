package dev.stowage.jobs.schedule;

import dev.stowage.jobs.InvalidRequestException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.scheduling.support.CronExpression;

/**
 * A CronJob's {@code schedule} and {@code timeZone} as Kubernetes reads them: five fields or a macro, in
 * an IANA zone. Spring's {@link CronExpression} computes the runs; what Kubernetes would refuse (Quartz's
 * {@code L}, {@code W} and {@code #}, a {@code TZ=} prefix, a bare UTC offset as zone) is refused here.
 */
public final class CronSchedule {

    private static final Set<String> MACROS = Set.of("@yearly", "@annually", "@monthly", "@weekly", "@daily",
            "@midnight", "@hourly");
    private static final Pattern FIELD = Pattern.compile("[0-9A-Za-z*?,/-]+");
    private static final Pattern QUARTZ = Pattern.compile("(^|[,\\s])(\\d*L|L-\\d+|\\d+W|LW)($|[,\\s])|#");
    private static final String EXAMPLE = "give five fields (minute hour day-of-month month day-of-week) such as "
            + "'0 2 * * *', or a macro such as @daily";

    private final String text;
    private final ZoneId zone;
    private final List<CronExpression> expressions;

    private CronSchedule(String text, ZoneId zone, List<CronExpression> expressions) {
        this.text = text;
        this.zone = zone;
        this.expressions = expressions;
    }

    /**
     * @param what names the setting in errors, e.g. {@code stowage.schedules.daily}
     */
    public static CronSchedule parse(String cron, String timeZone, String what) {
        List<CronExpression> expressions = expressions(cron, what);
        return new CronSchedule(cron.trim(), zone(timeZone, what), expressions);
    }

    public String text() {
        return text;
    }

    public ZoneId zone() {
        return zone;
    }

    /** The first run strictly after {@code after}, in the schedule's zone; null when it never comes. */
    public ZonedDateTime next(ZonedDateTime after) {
        ZonedDateTime local = after.withZoneSameInstant(zone);
        return expressions.stream().map(e -> e.next(local)).filter(java.util.Objects::nonNull)
                .min(ZonedDateTime::compareTo).orElse(null);
    }

    private static List<CronExpression> expressions(String cron, String what) {
        if (cron == null || cron.isBlank()) {
            throw new InvalidRequestException(what + ".cron is missing: " + EXAMPLE);
        }
        String trimmed = cron.trim();
        if (trimmed.startsWith("TZ=") || trimmed.startsWith("CRON_TZ=")) {
            throw new InvalidRequestException(what + ".cron '" + cron + "' names a time zone, which Kubernetes "
                    + "refuses: drop the prefix and set " + what + ".time-zone instead");
        }
        if (trimmed.startsWith("@")) {
            if (!MACROS.contains(trimmed.toLowerCase(Locale.ROOT))) {
                throw new InvalidRequestException(what + ".cron '" + cron + "' is not a macro Kubernetes knows: use "
                        + "@hourly, @daily, @weekly, @monthly or @yearly, or five fields such as '0 2 * * *'");
            }
            return List.of(CronExpression.parse(trimmed.toLowerCase(Locale.ROOT)));
        }
        String[] fields = trimmed.split("\\s+");
        if (fields.length != 5 || !List.of(fields).stream().allMatch(f -> FIELD.matcher(f).matches())
                || QUARTZ.matcher(trimmed).find()) {
            throw new InvalidRequestException(what + ".cron '" + cron + "' is not a Kubernetes cron expression: "
                    + EXAMPLE);
        }
        try {
            // Kubernetes runs when either day field matches if both are restricted (Vixie cron); Spring
            // wants both, so such a schedule is the union of two expressions
            if (restricted(fields[2]) && restricted(fields[4])) {
                return List.of(spring(fields, 2, "*"), spring(fields, 4, "*"));
            }
            return List.of(spring(fields, -1, null));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(what + ".cron '" + cron + "' is not a valid cron expression ("
                    + e.getMessage() + "): " + EXAMPLE);
        }
    }

    private static CronExpression spring(String[] fields, int replaced, String with) {
        String[] copy = fields.clone();
        if (replaced >= 0) {
            copy[replaced] = with;
        }
        return CronExpression.parse("0 " + String.join(" ", copy));
    }

    private static boolean restricted(String field) {
        return !field.equals("*") && !field.equals("?");
    }

    private static ZoneId zone(String timeZone, String what) {
        if (timeZone == null || timeZone.isBlank()) {
            throw new InvalidRequestException(what + ".time-zone is missing: give an IANA zone such as Etc/UTC");
        }
        try {
            ZoneId zone = ZoneId.of(timeZone.trim());
            if (zone instanceof ZoneOffset) {
                throw new InvalidRequestException(what + ".time-zone '" + timeZone + "' is an offset, not a zone "
                        + "Kubernetes knows: give an IANA name such as Etc/UTC or Europe/Berlin");
            }
            return zone;
        } catch (java.time.DateTimeException e) {
            throw new InvalidRequestException(what + ".time-zone '" + timeZone + "' is not a known time zone: give "
                    + "an IANA name such as Etc/UTC, Europe/Berlin or America/New_York");
        }
    }

    @Override
    public String toString() {
        return text + " (" + zone + ")";
    }
}
