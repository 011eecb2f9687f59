package dev.stowage.launcher.cli;

import dev.stowage.kube.worker.WorkerMain;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code stowage worker backup|restore}: a node worker's (or restore worker's) part of a run, in the pod
 * of a worker Job the launcher made. It reads its spec from {@code STOWAGE_WORKER_SPEC}, needs no
 * JobRepository and no Kubernetes API, starts no Spring context, and reports through its termination
 * message (docs/VOLUMES.md).
 */
@Command(name = "worker", mixinStandardHelpOptions = true,
        description = {"Back up a node's pod volumes, or fill a restored claim, as a worker Job of a run.",
                "Started by the launcher in a Kubernetes Job; its spec is in STOWAGE_WORKER_SPEC."})
class WorkerCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "OPERATION", description = "backup or restore")
    private String operation;

    @Option(names = "--spec", paramLabel = "FILE", description = "Read the spec from FILE instead of STOWAGE_WORKER_SPEC.")
    private Path spec;

    @Option(names = "--termination-message-path", paramLabel = "FILE",
            description = "Where the result goes (default: STOWAGE_TERMINATION_MESSAGE_PATH, else /dev/termination-log).")
    private Path terminationMessage;

    @Override
    public Integer call() {
        List<String> args = new ArrayList<>(List.of(operation));
        if (spec != null) {
            args.addAll(List.of("--spec", spec.toString()));
        }
        if (terminationMessage != null) {
            args.addAll(List.of("--termination-message-path", terminationMessage.toString()));
        }
        return new WorkerMain(System.getenv(), System.out, Clock.systemUTC()).run(args.toArray(String[]::new));
    }
}
