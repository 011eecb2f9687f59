package dev.stowage.perf.vsrestic;

import dev.stowage.perf.MixedTreeGenerator;
import dev.stowage.perf.TreeMutator;
import dev.stowage.perf.TreeVerifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stowage and restic side by side on the same data, the same S3 endpoint and the same machine, in one
 * run: init; first backup; mutate the tree; incremental backup; backup with nothing changed; restore
 * of the latest snapshot with a byte-for-byte comparison; then the small files alone, first and
 * unchanged. The tools alternate run by run. Prints a table, one JSON line per phase and tool, and
 * the targets. {@code perf/run-vs-restic.sh} builds what is needed and runs it.
 */
public final class VsResticBenchmark {
    private static final long TREE_SEED = 20240501L;
    private static final long MUTATION_SEED = 7L;
    private static final String PASSWORD = "benchmark password";

    private final BenchmarkOptions options;
    private final S3Endpoint s3;
    private final List<Tool> tools;
    private final Path source;
    private final Path log;
    private final List<PhaseResult> results = new ArrayList<>();
    private int sequence;
    private java.io.PrintStream trace;

    private VsResticBenchmark(BenchmarkOptions options, S3Endpoint s3, List<Tool> tools, Path source) {
        this.options = options;
        this.s3 = s3;
        this.tools = tools;
        this.source = source;
        this.log = options.work().resolve("commands.log");
    }

    public static void main(String[] args) throws Exception {
        BenchmarkOptions options = BenchmarkOptions.parse(args);
        Files.createDirectories(options.work());
        Path pristine = TreeFiles.generated(options.work().resolve("pristine"), options.scale(), options.reuseTree(),
                root -> new MixedTreeGenerator(options.scale(), TREE_SEED).write(root));
        Path source = options.work().resolve("source");
        TreeFiles.delete(source);
        TreeFiles.copy(pristine, source);
        for (String stale : List.of("s3", "state", "restore", "checkpoints")) {
            TreeFiles.delete(options.work().resolve(stale));
        }
        Files.deleteIfExists(options.work().resolve("commands.log"));
        Path credentials = options.work().resolve("cloud");
        Files.writeString(credentials, "[default]\naws_access_key_id = " + S3Endpoint.ACCESS_KEY
                + "\naws_secret_access_key = " + S3Endpoint.SECRET_KEY + "\n");
        try (S3Endpoint s3 = S3Endpoint.start(options.work().resolve("s3"))) {
            String endpoint = s3.endpoint().toString();
            List<Tool> tools = new ArrayList<>();
            tools.add(new StowageTool("stowage", options.stowage(), endpoint, credentials, PASSWORD, null,
                    options.javaOptions(), options.javaEnvironment()));
            options.restic().ifPresent(restic -> tools.add(new ResticTool(restic, endpoint, PASSWORD)));
            if (options.b2()) {
                tools.add(new StowageTool("stowage-b2", options.stowage(), endpoint, credentials, PASSWORD, "b2",
                        options.javaOptions(), options.javaEnvironment()));
            }
            tools.removeIf(tool -> !options.tools().contains(tool.name()));
            VsResticBenchmark benchmark = new VsResticBenchmark(options, s3, tools, source);
            if (List.of(args).contains("--trace-requests")) {
                benchmark.trace = new java.io.PrintStream(Files.newOutputStream(options.work().resolve("requests.log")),
                        true);
                s3.proxy().trace(benchmark.trace);
            }
            if (tools.stream().anyMatch(tool -> tool instanceof StowageTool)) {
                benchmark.warmUp();
            }
            benchmark.run(pristine);
            Machine.describe(options, System.out);
            ResultTable.print(benchmark.results, System.out);
            Targets.print(benchmark.results, System.out);
        }
        if (options.jfr()) {
            try (var recordings = Files.list(options.work().resolve("jfr"))) {
                for (Path recording : recordings.sorted().toList()) {
                    JfrSummary.print(recording, 15, System.out);
                }
            }
        }
    }

    private void run(Path pristine) throws Exception {
        if (options.restic().isEmpty()) {
            results.add(PhaseResult.skipped(Phases.INIT, "restic", "restic is not on the PATH: its phases are skipped"));
        }
        initPhase();
        Map<Tool, Workspace> afterFirst = firstBackupPhase(Phases.FIRST, source, options.firstRuns());
        long start = System.nanoTime();
        TreeMutator.Summary mutation = new TreeMutator(options.scale(), MUTATION_SEED).mutate(source);
        results.add(PhaseResult.skipped(Phases.MUTATE, "-", String.format("%,d bytes written, %d files added, %d"
                + " removed, %d changed in %.1f s", mutation.bytesWritten(), mutation.filesAdded(),
                mutation.filesRemoved(), mutation.filesChanged(), (System.nanoTime() - start) / 1e9)));
        Map<Tool, Workspace> current = afterFirst;
        Map<Tool, String> firstBackup = new HashMap<>();
        for (Tool tool : tools) {
            afterFirst.get(tool).save(s3, checkpoint(tool));
            firstBackup.put(tool, afterFirst.get(tool).lastBackup());
        }
        Map<Tool, List<PhaseRun>> runs = perTool();
        for (int run = 0; run < options.runs(); run++) {
            for (Tool tool : inTurn(run)) {
                Workspace workspace = current.get(tool);
                if (run > 0) {
                    workspace.rewind(s3, checkpoint(tool), firstBackup.get(tool), source);
                }
                runs.get(tool).add(backup(tool, workspace, source, Phases.INCREMENTAL, run));
            }
        }
        record(Phases.INCREMENTAL, runs);
        runs = perTool();
        for (int run = 0; run < options.runs(); run++) {
            for (Tool tool : inTurn(run)) {
                runs.get(tool).add(backup(tool, current.get(tool), source, Phases.NO_CHANGE, run));
            }
        }
        record(Phases.NO_CHANGE, runs);
        restorePhase(current);
        Map<Tool, Workspace> small = firstBackupPhase(Phases.SMALL_FIRST, pristine.resolve("small"), options.runs());
        runs = perTool();
        for (int run = 0; run < options.runs(); run++) {
            for (Tool tool : inTurn(run)) {
                runs.get(tool).add(backup(tool, small.get(tool), pristine.resolve("small"), Phases.SMALL_NO_CHANGE,
                        run));
            }
        }
        record(Phases.SMALL_NO_CHANGE, runs);
    }

    private void initPhase() throws Exception {
        Map<Tool, List<PhaseRun>> runs = perTool();
        for (int run = 0; run < options.runs(); run++) {
            for (Tool tool : inTurn(run)) {
                Workspace workspace = newWorkspace(tool);
                Tool.Command init = tool.init(workspace);
                if (init != null) {
                    runs.get(tool).add(measure(tool, workspace, init, Phases.INIT, run));
                }
            }
        }
        for (Tool tool : tools) {
            results.add(runs.get(tool).isEmpty()
                    ? PhaseResult.skipped(Phases.INIT, tool.name(), "no separate init: the first backup creates"
                            + " the repository (its time is in first-backup)")
                    : new PhaseResult(Phases.INIT, tool.name(), runs.get(tool), null));
        }
    }

    /** Backs up {@code tree} into a new repository per run; returns each tool's repository of the last run. */
    private Map<Tool, Workspace> firstBackupPhase(String phase, Path tree, int count) throws Exception {
        Map<Tool, Workspace> last = new HashMap<>();
        Map<Tool, List<PhaseRun>> runs = perTool();
        for (int run = 0; run < count; run++) {
            for (Tool tool : inTurn(run)) {
                Workspace workspace = newWorkspace(tool);
                Tool.Command init = tool.init(workspace);
                if (init != null) {
                    MeasuredProcess.run(init.argv(), init.environment(), log);
                }
                runs.get(tool).add(backup(tool, workspace, tree, phase, run));
                last.put(tool, workspace);
            }
        }
        record(phase, runs);
        return last;
    }

    private void restorePhase(Map<Tool, Workspace> current) throws Exception {
        Map<Tool, List<PhaseRun>> runs = perTool();
        // Restored trees are removed only after the last restore: ext4 skips inodes freed in the last
        // few seconds when it allocates new ones, and after deleting 21,000 files it spent about a third
        // of the next restore's samples scanning its bitmaps (seen in perf profiles of both tools).
        List<Path> restored = new ArrayList<>();
        for (int run = 0; run < options.runs(); run++) {
            for (Tool tool : inTurn(run)) {
                if (tool.name().endsWith("-b2")) {
                    continue; // the same engine as "stowage": its restore says nothing new
                }
                Path target = options.work().resolve("restore").resolve(tool.name() + "-" + run);
                Files.createDirectories(target.getParent());
                Workspace workspace = current.get(tool);
                runs.get(tool).add(measure(tool, workspace, tool.restore(workspace, target), Phases.RESTORE, run));
                long entries = TreeVerifier.verify(source, tool.restoredTree(target, source));
                System.out.printf("  %s restore %d verified: %,d entries identical%n", tool.name(), run + 1, entries);
                restored.add(target);
            }
        }
        for (Path target : restored) {
            TreeFiles.delete(target);
        }
        runs.values().removeIf(List::isEmpty);
        record(Phases.RESTORE, runs);
    }

    private PhaseRun backup(Tool tool, Workspace workspace, Path tree, String phase, int run) throws Exception {
        String name = "b" + (++sequence);
        PhaseRun result = measure(tool, workspace, tool.backup(workspace, tree, name), phase, run);
        workspace.lastBackup(name);
        return result;
    }

    private PhaseRun measure(Tool tool, Workspace workspace, Tool.Command command, String phase, int run)
            throws Exception {
        if (options.jfr() && tool instanceof StowageTool stowage) {
            Path recording = options.work().resolve("jfr").resolve(phase + "-" + tool.name() + "-" + run + ".jfr");
            Files.createDirectories(recording.getParent());
            command = stowage.withJvmOption(command, "-XX:StartFlightRecording=filename=" + recording
                    + ",settings=profile");
        }
        Map<String, String> environment = command.environment();
        double load = Machine.loadAverage();
        s3.proxy().reset();
        if (trace != null) {
            trace.println("# " + phase + " " + tool.name() + " run " + (run + 1));
        }
        MeasuredProcess.Figures figures = MeasuredProcess.run(command.argv(), environment, log);
        Traffic traffic = s3.proxy().traffic();
        PhaseRun result = new PhaseRun(figures, traffic, s3.bucketBytes(workspace.bucket()),
                s3.bucketObjects(workspace.bucket()), load);
        System.out.printf("%-16s %-11s run %d: %6.2f s wall, %6.2f s CPU, %5.0f MiB RSS, %d requests (load %.2f)%n",
                phase, tool.name(), run + 1, figures.wallSeconds(), figures.cpuSeconds(),
                figures.peakRssBytes() / 1048576.0, traffic.total(), load);
        return result;
    }

    private void record(String phase, Map<Tool, List<PhaseRun>> runs) {
        runs.forEach((tool, list) -> results.add(new PhaseResult(phase, tool.name(), list, null)));
    }

    private Map<Tool, List<PhaseRun>> perTool() {
        Map<Tool, List<PhaseRun>> runs = new LinkedHashMap<>();
        tools.forEach(tool -> runs.put(tool, new ArrayList<>()));
        return runs;
    }

    /** The tools in the order of this run: rotated each run, so no tool always goes first. */
    private List<Tool> inTurn(int run) {
        List<Tool> order = new ArrayList<>(tools);
        java.util.Collections.rotate(order, -run);
        return order;
    }

    private Workspace newWorkspace(Tool tool) throws IOException {
        String id = tool.name() + "-" + (++sequence);
        s3.createBucket(id);
        Path state = options.work().resolve("state").resolve(id);
        Files.createDirectories(state);
        return new Workspace(id, state);
    }

    /** Where a tool's repository after its first backup is kept, to start each incremental run from it. */
    private Path checkpoint(Tool tool) {
        return options.work().resolve("checkpoints").resolve(tool.name());
    }

    private void warmUp() throws Exception {
        // The script's first run after a build extracts the jar and records its class-data archive; its
        // first command on a location records that location's archive (the S3 client's classes): a small
        // backup into a bucket of its own, so that neither recording lands in a measured phase.
        Path scratch = options.work().resolve("state").resolve("warm-up");
        Files.createDirectories(scratch.resolve("source"));
        Files.writeString(scratch.resolve("source").resolve("file"), "warm-up\n");
        Map<String, String> environment = new HashMap<>(options.javaEnvironment());
        environment.put("STOWAGE_HOME", scratch.resolve("home").toString());
        environment.put("JAVA_OPTS", options.javaOptions());
        MeasuredProcess.run(List.of(options.stowage().toString(), "--help"), environment, log);
        s3.createBucket("warm-up");
        for (Tool tool : tools) {
            if (tool instanceof StowageTool) {
                Workspace workspace = new Workspace("warm-up", scratch.resolve(tool.name()));
                Tool.Command backup = tool.backup(workspace, scratch.resolve("source"), "warm-up");
                MeasuredProcess.run(backup.argv(), backup.environment(), log);
                return; // one archive per location name, whatever the tool's profile
            }
        }
    }
}
