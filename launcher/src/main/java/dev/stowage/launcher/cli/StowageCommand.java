package dev.stowage.launcher.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

@Command(name = "stowage", mixinStandardHelpOptions = true, version = "stowage 0.1.0",
        description = "Backup and restore of directories and Kubernetes volumes into deduplicated, encrypted repositories.",
        footer = {"", "STOWAGE_HOME (default ~/.stowage) holds the job history and the default location `local`.",
                "Exit status: 0 Completed, 1 Failed, 2 PartiallyFailed, 64 usage error."})
public class StowageCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    private Path configFile;

    @Option(names = "--password-file", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "File holding the repository password (else STOWAGE_PASSWORD).")
    private Path passwordFile;

    @Option(names = "--debug", hidden = true, scope = ScopeType.INHERIT, description = "Print stack traces.")
    private boolean debug;

    @Option(names = "--config", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "Configuration file (YAML or properties) on top of the defaults and the environment.")
    void configFile(Path file) {
        if (!Files.isReadable(file)) {
            throw new ParameterException(spec.commandLine(), "configuration file " + file + " cannot be read");
        }
        configFile = file;
    }

    Path configFile() {
        return configFile;
    }

    Path passwordFile() {
        return passwordFile;
    }

    boolean debug() {
        return debug;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(),
                "give a command: backup, restore, jobs, repo, location, schedule, maintenance or verify");
    }
}
