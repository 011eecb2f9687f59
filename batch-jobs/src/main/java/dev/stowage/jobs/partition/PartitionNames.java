package dev.stowage.jobs.partition;

import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names of partitions and of their step executions. Spring Batch names a partition's step execution
 * {@code <worker step>:<partition>}, e.g. {@code volume:path-0}.
 */
public final class PartitionNames {

    private static final Pattern TRAILING_NUMBER = Pattern.compile("^(.*?)(\\d+)$");

    /** Text order, except that trailing numbers compare as numbers ({@code path-2} before {@code path-10}). */
    public static final Comparator<String> ORDER = PartitionNames::compare;

    private PartitionNames() {
    }

    public static String stepExecutionName(String workerStep, String partition) {
        return workerStep + ":" + partition;
    }

    /** The partition part of a step execution name, or the whole name when it has none. */
    public static String partitionOf(String stepExecutionName) {
        int colon = stepExecutionName.indexOf(':');
        return colon < 0 ? stepExecutionName : stepExecutionName.substring(colon + 1);
    }

    private static int compare(String a, String b) {
        Matcher ma = TRAILING_NUMBER.matcher(a);
        Matcher mb = TRAILING_NUMBER.matcher(b);
        if (ma.matches() && mb.matches() && ma.group(1).equals(mb.group(1)) && ma.group(2).length() < 19
                && mb.group(2).length() < 19) {
            return Long.compare(Long.parseLong(ma.group(2)), Long.parseLong(mb.group(2)));
        }
        return a.compareTo(b);
    }
}
