package dev.stowage.launcher.cli;

import dev.stowage.jobs.InvalidRequestException;
import dev.stowage.jobs.location.RepositoryService;
import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "password", mixinStandardHelpOptions = true,
        description = {"`repo password change`: re-wrap the repository's key under a new password.",
                "Only the key object is rewritten; no data is re-encrypted."})
class RepoPasswordCommand implements Callable<Integer> {

    private final CliContext context;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "change", description = "The action: change.")
    private String action;

    @Option(names = "--new-password-file", paramLabel = "FILE",
            description = "File holding the new password (else it is asked for on the terminal).")
    private Path newPasswordFile;

    @Mixin
    private Options.Location location;

    RepoPasswordCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (!"change".equals(action)) {
            throw new ParameterException(spec.commandLine(), "unknown action '" + action + "': use `repo password change`");
        }
        char[] password = newPassword();
        try {
            String locationName = context.location(location.name);
            Path file = context.bean(RepositoryService.class).changePassword(locationName, password);
            context.out().println("Changed the password of the repository at location " + locationName + ".");
            context.out().println(file != null ? "The new password is in " + file + "."
                    : "Keep the new password where the old one was kept (--password-file, STOWAGE_PASSWORD, a Secret).");
            return ExitCodes.OK;
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private char[] newPassword() {
        if (newPasswordFile != null) {
            try {
                String text = Files.readString(newPasswordFile, StandardCharsets.UTF_8).lines().findFirst().orElse("");
                return text.toCharArray();
            } catch (IOException e) {
                throw new InvalidRequestException("unable to read " + newPasswordFile + ": " + e.getMessage());
            }
        }
        Console console = System.console();
        if (console == null) {
            throw new InvalidRequestException("no terminal to ask for the new password: give --new-password-file FILE");
        }
        char[] first = console.readPassword("New password: ");
        char[] second = console.readPassword("Repeat it: ");
        if (first == null || !Arrays.equals(first, second)) {
            throw new InvalidRequestException("the two passwords differ: run the command again");
        }
        Arrays.fill(second, '\0');
        return first;
    }
}
