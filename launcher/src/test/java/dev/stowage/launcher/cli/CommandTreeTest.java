package dev.stowage.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** A command line is built for the path its arguments name, and that path's commands are the full tree's. */
class CommandTreeTest {

    private final CommandLine.IFactory factory = new StowageCli.Factory(new CliContext(
            new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), false, Map.of(), List.of()));

    @Test
    void thePathEndsAtTheCommandThatRuns() {
        List<Class<?>> path = CommandTree.path("--debug", "backup", "create", "get", "--path", ".");

        assertThat(path).containsExactly(BackupCommand.class, BackupCreateCommand.class);
    }

    @Test
    void aGroupAloneNamesNoPath() {
        assertThat(CommandTree.path("backup", "--help")).isEmpty();
    }

    @Test
    void theHelpCommandNamesNoPath() {
        assertThat(CommandTree.path("help", "backup", "create")).isEmpty();
    }

    @Test
    void anArgumentFileNamesNoPath() {
        assertThat(CommandTree.path("@arguments", "jobs")).isEmpty();
    }

    @Test
    void aPathIsBuiltWithoutTheOtherCommands() {
        CommandLine line = CommandTree.along(new StowageCommand(), factory,
                List.of(RestoreCommand.class, RestoreGetCommand.class));

        assertThat(line.getSubcommands()).containsOnlyKeys("restore");
        assertThat(line.getSubcommands().get("restore").getSubcommands()).containsOnlyKeys("get");
    }

    @Test
    void everyCommandThatRunsHasTheSameUsageOnItsPathAsInTheFullTree() {
        CommandLine full = CommandTree.full(new StowageCommand(), factory);
        List<List<Class<?>>> paths = leafPaths(StowageCommand.class, new ArrayList<>());

        assertThat(paths).hasSize(19);
        for (List<Class<?>> path : paths) {
            CommandLine alone = CommandTree.along(new StowageCommand(), factory, path);

            assertThat(usage(leaf(alone, path))).as("%s", path).isEqualTo(usage(leaf(full, path)));
        }
    }

    private static List<List<Class<?>>> leafPaths(Class<?> command, List<Class<?>> above) {
        List<List<Class<?>>> paths = new ArrayList<>();
        for (Class<?> subcommand : CommandTree.subcommandsOf(command)) {
            List<Class<?>> path = new ArrayList<>(above);
            path.add(subcommand);
            if (!CommandTree.path(names(path)).isEmpty()) {
                paths.add(path);
            }
            paths.addAll(leafPaths(subcommand, path));
        }
        return paths;
    }

    private static String[] names(List<Class<?>> path) {
        return path.stream().map(c -> c.getAnnotation(CommandLine.Command.class).name()).toArray(String[]::new);
    }

    private static CommandLine leaf(CommandLine root, List<Class<?>> path) {
        CommandLine line = root;
        for (String name : names(path)) {
            line = line.getSubcommands().get(name);
        }
        return line;
    }

    private static String usage(CommandLine line) {
        return line.getUsageMessage(CommandLine.Help.Ansi.OFF);
    }
}
