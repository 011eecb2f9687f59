package dev.stowage.launcher.cli;

import dev.stowage.jobs.InvalidRequestException;
import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import java.util.List;
import java.util.Map;
import org.springframework.core.NestedExceptionUtils;
import picocli.CommandLine;

/**
 * Runs one {@code stowage} command line: parses it with picocli (no Spring needed for help and usage
 * errors), runs the command, and turns every failure into one line on stderr and an exit status.
 */
public final class StowageCli {

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean terminal;
    private final Map<String, Object> properties;
    private final List<Class<?>> sources;

    /**
     * @param terminal   whether a person watches stderr (progress is redrawn in place)
     * @param properties Spring properties that take precedence over every configuration source
     * @param sources    configuration classes added to the application (tests replace beans with them)
     */
    public StowageCli(PrintWriter out, PrintWriter err, boolean terminal, Map<String, Object> properties,
            Class<?>... sources) {
        this.out = out;
        this.err = err;
        this.terminal = terminal;
        this.properties = Map.copyOf(properties);
        this.sources = List.of(sources);
    }

    /** The real command: standard streams, a terminal when there is a console. */
    public static StowageCli standard() {
        boolean terminal = System.console() != null && !"dumb".equals(System.getenv("TERM"));
        return new StowageCli(new PrintWriter(System.out, true), new PrintWriter(System.err, true), terminal, Map.of());
    }

    public int execute(String... args) {
        try (CliContext context = new CliContext(out, err, terminal, properties, sources)) {
            StowageCommand root = new StowageCommand();
            Factory factory = new Factory(context);
            CommandLine commandLine = settings(commandLine(root, factory, args))
                    .setOut(out)
                    .setErr(err)
                    .setExecutionStrategy(parseResult -> {
                        context.configure(root.configFile(), root.passwordFile());
                        return new CommandLine.RunLast().execute(parseResult);
                    })
                    .setParameterExceptionHandler((e, ignored) -> usageError(e))
                    .setExecutionExceptionHandler((e, cmd, parseResult) -> {
                        int status = failure(e, root.debug());
                        if (status != ExitCodes.USAGE) {
                            FailedStartMetrics.push(context, cmd, e);
                        }
                        return status;
                    });
            return commandLine.execute(args);
        }
    }

    /**
     * The commands the arguments run, without the model of every other command: built when they parse
     * along that path alone, asking for no help; everything else (help, usage errors, a group alone)
     * gets the whole tree, so that its messages and suggestions are those of every command.
     */
    private static CommandLine commandLine(StowageCommand root, CommandLine.IFactory factory, String[] args) {
        List<Class<?>> path = CommandTree.path(args);
        if (!path.isEmpty() && runsAlone(path, factory, args)) {
            return CommandTree.along(root, factory, path);
        }
        return CommandTree.full(root, factory);
    }

    /** Whether the arguments parse, on commands of their own, to the path's last command, asking for no help. */
    private static boolean runsAlone(List<Class<?>> path, CommandLine.IFactory factory, String[] args) {
        CommandLine trial = settings(CommandTree.along(new StowageCommand(), factory, path));
        List<CommandLine> parsed;
        try {
            parsed = trial.parseArgs(args).asCommandLineList();
        } catch (CommandLine.ParameterException e) {
            return false;
        }
        boolean helpAsked = parsed.stream().anyMatch(c -> c.isUsageHelpRequested() || c.isVersionHelpRequested());
        Object last = parsed.get(parsed.size() - 1).getCommandSpec().userObject();
        return !helpAsked && last.getClass() == path.get(path.size() - 1);
    }

    /** How every command line parses, the trial one included. */
    private static CommandLine settings(CommandLine commandLine) {
        return commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    }

    private int usageError(CommandLine.ParameterException e) {
        err.println("stowage: " + e.getMessage() + " (see `" + e.getCommandLine().getCommandSpec().qualifiedName()
                + " --help`)");
        err.flush();
        return ExitCodes.USAGE;
    }

    private int failure(Exception e, boolean debug) {
        Throwable cause = meaningfulCause(e);
        err.println("stowage: " + message(cause));
        if (debug) {
            e.printStackTrace(err);
        }
        err.flush();
        return cause instanceof InvalidRequestException ? ExitCodes.USAGE : ExitCodes.FAILED;
    }

    /** Spring wraps what went wrong in bean-creation exceptions; the user needs the innermost message. */
    static Throwable meaningfulCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InvalidRequestException) {
                return t;
            }
        }
        return e instanceof org.springframework.core.NestedRuntimeException
                ? NestedExceptionUtils.getMostSpecificCause(e) : e;
    }

    private static String message(Throwable t) {
        String message = t.getMessage();
        if (message == null || message.isBlank()) {
            return t.getClass().getSimpleName() + " (run again with --debug for details)";
        }
        return message.lines().findFirst().orElse(message);
    }

    /** Creates commands, handing the {@link CliContext} to those whose constructor takes it. */
    record Factory(CliContext context) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            try {
                Constructor<K> constructor = type.getDeclaredConstructor(CliContext.class);
                constructor.setAccessible(true);
                return constructor.newInstance(context);
            } catch (NoSuchMethodException e) {
                return CommandLine.defaultFactory().create(type);
            }
        }
    }
}
