package dev.stowage.launcher.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/**
 * Which subcommands each command has. They are declared here, not in {@code @Command(subcommands)}:
 * picocli builds the model of every command an annotation names, reflecting over all their options and
 * interpolating their descriptions (a tenth of a backup's start-up on the main thread), although a run
 * uses one path through the tree. {@link #path} finds the path the arguments name, {@link #along}
 * builds only it, and {@link #full} builds everything, for help and usage errors.
 */
final class CommandTree {

    private static final Map<Class<?>, List<Class<?>>> SUBCOMMANDS = subcommands();

    private CommandTree() {
    }

    private static Map<Class<?>, List<Class<?>>> subcommands() {
        Map<Class<?>, List<Class<?>>> tree = new LinkedHashMap<>();
        tree.put(StowageCommand.class, List.of(BackupCommand.class, RestoreCommand.class, JobsCommand.class,
                RepoCommand.class, LocationCommand.class, ScheduleCommand.class, MaintenanceCommand.class,
                VerifyCommand.class, WorkerCommand.class, HelpCommand.class));
        tree.put(BackupCommand.class, List.of(BackupCreateCommand.class, BackupGetCommand.class,
                BackupDescribeCommand.class, BackupLogsCommand.class, BackupDeleteCommand.class));
        tree.put(RestoreCommand.class, List.of(RestoreCreateCommand.class, RestoreGetCommand.class,
                RestoreDescribeCommand.class));
        tree.put(RepoCommand.class, List.of(RepoCheckCommand.class, RepoPasswordCommand.class));
        tree.put(LocationCommand.class, List.of(LocationGetCommand.class, LocationValidateCommand.class));
        tree.put(ScheduleCommand.class, List.of(ScheduleGetCommand.class, ScheduleApplyCommand.class));
        tree.put(MaintenanceCommand.class, List.of(MaintenanceRunCommand.class, MaintenanceGetCommand.class));
        return tree;
    }

    /** The subcommands of a command, in the order help lists them; none for a command that runs. */
    static List<Class<?>> subcommandsOf(Class<?> command) {
        return SUBCOMMANDS.getOrDefault(command, List.of());
    }

    /** Every command under {@code root}. */
    static CommandLine full(StowageCommand root, CommandLine.IFactory factory) {
        return build(root, factory, type -> true);
    }

    /** {@code root} and the commands of {@code path} under it, no others. */
    static CommandLine along(StowageCommand root, CommandLine.IFactory factory, List<Class<?>> path) {
        return build(root, factory, path::contains);
    }

    /**
     * The commands from the root to the command that runs, as the arguments name them; empty when they
     * name no command that runs (a group alone, a typo, {@code help}, an {@code @file} of arguments, or
     * {@code --} before the path ends). At each level the first argument that names a subcommand is
     * taken: picocli takes that one too, or fails (it never takes a subcommand's name as an option's
     * value), and then the full tree is parsed anyway.
     */
    static List<Class<?>> path(String... args) {
        List<Class<?>> path = new ArrayList<>();
        Class<?> current = StowageCommand.class;
        for (String arg : args) {
            if (subcommandsOf(current).isEmpty()) {
                break;
            }
            if (arg.equals("--") || arg.startsWith("@")) {
                return List.of();
            }
            for (Class<?> subcommand : subcommandsOf(current)) {
                if (name(subcommand).equals(arg)) {
                    current = subcommand;
                    path.add(subcommand);
                    break;
                }
            }
        }
        boolean runs = subcommandsOf(current).isEmpty() && current != HelpCommand.class;
        return runs ? List.copyOf(path) : List.of();
    }

    private static String name(Class<?> command) {
        return command.getAnnotation(Command.class).name();
    }

    private static CommandLine build(Object command, CommandLine.IFactory factory, Predicate<Class<?>> included) {
        CommandLine line = new CommandLine(command, factory);
        Class<?> type = command instanceof Class<?> c ? c : command.getClass();
        for (Class<?> subcommand : subcommandsOf(type)) {
            if (included.test(subcommand)) {
                line.addSubcommand(build(subcommand, factory, included));
            }
        }
        return line;
    }
}
