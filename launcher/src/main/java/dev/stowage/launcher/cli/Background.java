package dev.stowage.launcher.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code --no-wait}: there is no server to hand a run to, so the same command is started again as a
 * detached process (its own session, so closing the terminal does not stop it) with {@code --wait},
 * its output appended to a file under {@code $STOWAGE_HOME/logs}.
 */
final class Background {

    private Background() {
    }

    /** @return the pid of the process now running the command */
    static long start(List<String> args, Map<String, Object> properties, Path output) {
        List<String> command = new ArrayList<>();
        setsid().ifPresent(command::add);
        command.add(ProcessHandle.current().info().command().orElse(
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(mainClass());
        args.stream().map(a -> a.equals("--no-wait") ? "--wait" : a).forEach(command::add);
        try {
            Files.createDirectories(output.getParent());
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .start();
            return process.pid();
        } catch (IOException e) {
            throw new UncheckedIOException("unable to start the run in the background: " + e.getMessage(), e);
        }
    }

    /** {@code -jar stowage.jar} when this process runs from the jar, else the classpath and main class. */
    private static List<String> mainClass() {
        String javaCommand = System.getProperty("sun.java.command", "");
        String first = javaCommand.split(" ")[0];
        if (first.endsWith(".jar")) {
            return List.of("-jar", first);
        }
        return List.of("-cp", System.getProperty("java.class.path"),
                dev.stowage.launcher.StowageApplication.class.getName());
    }

    private static Optional<String> setsid() {
        return Stream.of("/usr/bin/setsid", "/bin/setsid")
                .filter(p -> Files.isExecutable(Path.of(p)))
                .findFirst();
    }
}
