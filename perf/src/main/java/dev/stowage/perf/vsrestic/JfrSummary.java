package dev.stowage.perf.vsrestic;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a profiled Stowage run spent its time: the execution samples of a JFR recording (Java and
 * native, as {@code jfr print --events jdk.ExecutionSample} shows them) summed by their top frame
 * (self time) and by every Stowage method on the stack (inclusive time).
 */
final class JfrSummary {
    private static final Set<String> SAMPLES = Set.of("jdk.ExecutionSample", "jdk.NativeMethodSample");

    private JfrSummary() {
    }

    static void print(Path recording, int top, PrintStream out) throws IOException {
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> inclusive = new HashMap<>();
        int total = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            if (!SAMPLES.contains(event.getEventType().getName()) || event.getStackTrace() == null) {
                continue;
            }
            if (event.getEventType().getName().equals("jdk.NativeMethodSample") && idle(event.getStackTrace())) {
                continue; // threads parked in a native wait are not spending CPU
            }
            total++;
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            if (!frames.isEmpty()) {
                self.merge(name(frames.get(0)), 1, Integer::sum);
            }
            Set<String> seen = new HashSet<>();
            for (RecordedFrame frame : frames) {
                String name = name(frame);
                if (name.startsWith("dev.stowage.") && seen.add(name)) {
                    inclusive.merge(name, 1, Integer::sum);
                }
            }
        }
        out.printf("%s: %d samples%n  top frames (self):%n", recording.getFileName(), total);
        printTop(self, total, top, out);
        out.printf("  Stowage methods on the stack (inclusive):%n");
        printTop(inclusive, total, top, out);
    }

    private static boolean idle(RecordedStackTrace stack) {
        if (stack.getFrames().isEmpty()) {
            return true;
        }
        String top = name(stack.getFrames().get(0));
        return top.contains("epoll") || top.contains("accept") || top.contains("socketRead")
                || top.contains("Net.poll") || top.contains("park") || top.contains("wait");
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static void printTop(Map<String, Integer> counts, int total, int top, PrintStream out) {
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .forEach(e -> out.printf("  %5.1f%%  %s%n", 100.0 * e.getValue() / Math.max(1, total), e.getKey()));
    }
}
