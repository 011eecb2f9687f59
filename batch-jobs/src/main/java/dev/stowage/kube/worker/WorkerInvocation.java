package dev.stowage.kube.worker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A parsed worker command line: {@code backup|restore [--spec FILE] [--termination-message-path FILE]},
 * the spec from the file or from {@value WorkerMain#SPEC_ENV}.
 */
record WorkerInvocation(WorkerSpec spec, String terminationPath) {

    static WorkerInvocation parse(List<String> args, Map<String, String> environment) {
        if (args.isEmpty()) {
            throw new IllegalArgumentException("usage: stowage worker backup|restore [--spec FILE] "
                    + "[--termination-message-path FILE]");
        }
        WorkerOperation operation = WorkerOperation.fromWord(args.get(0));
        String specFile = null;
        String termination = environment.getOrDefault(WorkerMain.TERMINATION_ENV, WorkerMain.DEFAULT_TERMINATION_PATH);
        for (int i = 1; i < args.size(); i++) {
            String arg = args.get(i);
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException("option " + arg + " needs a value");
            }
            switch (arg) {
                case "--spec" -> specFile = args.get(++i);
                case "--termination-message-path" -> termination = args.get(++i);
                default -> throw new IllegalArgumentException("unknown option " + arg
                        + ": use --spec FILE or --termination-message-path FILE");
            }
        }
        WorkerSpec spec = WorkerJson.read(specText(specFile, environment), WorkerSpec.class, "worker spec");
        spec.validate();
        if (spec.operation() != operation) {
            throw new IllegalArgumentException("the worker spec is for a " + spec.operation().word()
                    + ", not a " + operation.word());
        }
        return new WorkerInvocation(spec, termination);
    }

    private static String specText(String file, Map<String, String> environment) {
        if (file != null) {
            try {
                return Files.readString(Path.of(file), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalArgumentException("unable to read worker spec " + file + ": " + e.getMessage());
            }
        }
        String json = environment.get(WorkerMain.SPEC_ENV);
        if (json == null || json.isBlank()) {
            throw new IllegalArgumentException("no worker spec: set " + WorkerMain.SPEC_ENV + " or pass --spec FILE "
                    + "(workers are started by the launcher, not by hand)");
        }
        return json;
    }
}
