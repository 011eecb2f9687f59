package dev.stowage.launcher.cli;

import dev.stowage.jobs.location.Locations;
import dev.stowage.launcher.view.LocationView;
import dev.stowage.launcher.view.Structured;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "get", mixinStandardHelpOptions = true,
        description = {"List the storage locations with every setting as it is used (profile defaults filled in).",
                "Sends no request: `location validate` checks that a location works."})
class LocationGetCommand implements Callable<Integer> {

    private final CliContext context;

    @Parameters(paramLabel = "NAME", arity = "0..*", description = "Locations to show (default: all).")
    private List<String> names = new ArrayList<>();

    @Mixin
    private Options.Output output;

    LocationGetCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Locations locations = context.bean(Locations.class);
        List<String> shown = names.isEmpty() ? locations.names() : names;
        List<LocationView.Shown> usable = new ArrayList<>();
        Map<String, String> invalid = new LinkedHashMap<>();
        for (String name : shown) {
            if (locations.invalid().containsKey(name)) {
                invalid.put(name, locations.invalid().get(name));
            } else {
                usable.add(LocationView.Shown.of(locations.get(name)));
            }
        }
        if (!Structured.print(context.out(), output.format, usable)) {
            LocationView.list(context.out(), usable, invalid);
        } else {
            invalid.forEach((name, problem) -> context.err().println("Location " + name + " cannot be used: " + problem));
        }
        return ExitCodes.OK;
    }
}
