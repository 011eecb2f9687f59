package dev.stowage.kube.testing;

import dev.stowage.kube.worker.WorkerMain;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * A worker container's process in the simulation. The container command {@code stowage worker ...} runs
 * {@link WorkerMain}: as a separate JVM ({@link #process}: faithful, a kill is a real SIGKILL, about a
 * second to start) or on a thread of the test's JVM ({@link #inProcess}: fast, for tests with many workers;
 * it cannot be killed midway).
 */
interface WorkerProcess {

    /** Waits for the end; the exit status (137 after a SIGKILL). */
    int waitFor() throws InterruptedException;

    /** SIGKILL; false when this kind of process cannot be killed. */
    boolean kill();

    /** How the kubelet starts container commands. */
    enum Mode {
        PROCESS, IN_PROCESS
    }

    static WorkerProcess start(Mode mode, List<String> command, Map<String, String> environment, Path log,
            Path tmp) throws IOException {
        if (command.size() < 2 || !command.get(0).equals("stowage") || !command.get(1).equals("worker")) {
            throw new IOException("exec: \"" + command.get(0) + "\": executable file not found in $PATH");
        }
        List<String> args = command.subList(2, command.size());
        return mode == Mode.PROCESS ? process(args, environment, log, tmp) : inProcess(args, environment, log);
    }

    private static WorkerProcess process(List<String> args, Map<String, String> environment, Path log, Path tmp)
            throws IOException {
        List<String> java = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), "-Xmx256m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-Djava.io.tmpdir=" + tmp, WorkerMain.class.getName()));
        java.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(java).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().clear();
        builder.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        return new WorkerProcess() {
            @Override
            public int waitFor() throws InterruptedException {
                return process.waitFor();
            }

            @Override
            public boolean kill() {
                process.destroyForcibly();
                return true;
            }
        };
    }

    private static WorkerProcess inProcess(List<String> args, Map<String, String> environment, Path log)
            throws IOException {
        PrintStream out = new PrintStream(Files.newOutputStream(log), true, StandardCharsets.UTF_8);
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> {
            try {
                return new WorkerMain(environment, out, Clock.systemUTC()).run(args.toArray(String[]::new));
            } finally {
                out.close();
            }
        }, command -> new Thread(command, "simulated-worker").start());
        return new WorkerProcess() {
            @Override
            public int waitFor() throws InterruptedException {
                try {
                    return exit.get();
                } catch (ExecutionException e) {
                    return 1;
                }
            }

            @Override
            public boolean kill() {
                return false;
            }
        };
    }
}
