package dev.stowage.launcher.cli;

import dev.stowage.jobs.location.Locations;
import dev.stowage.launcher.view.Structured;
import dev.stowage.launcher.view.ValidationView;
import dev.stowage.store.location.CheckResult;
import dev.stowage.store.location.LocationValidator;
import dev.stowage.store.location.ValidationReport;
import dev.stowage.store.metering.OperationCounts;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check that locations work: configuration, reachability, TLS, credentials, bucket, and a",
                "write/read/delete probe that leaves nothing behind. Each failure says what to fix.",
                "Exit status 1 when a check failed."})
class LocationValidateCommand implements Callable<Integer> {

    private final CliContext context;

    @Parameters(paramLabel = "NAME", arity = "0..1", description = "The location to check (default: all).")
    private String name;

    @Mixin
    private Options.Output output;

    LocationValidateCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Locations locations = context.bean(Locations.class);
        List<String> names = name == null ? locations.names() : List.of(name);
        List<ValidationView.Shown> shown = new ArrayList<>();
        boolean ok = true;
        for (String location : names) {
            ValidationReport report = validate(locations, location);
            ok &= report.ok();
            shown.add(ValidationView.Shown.of(location, report));
            if (!Structured.isStructured(output.format)) {
                ValidationView.print(context.out(), report);
            }
        }
        Structured.print(context.out(), output.format, name == null ? shown : shown.get(0));
        return ok ? ExitCodes.OK : ExitCodes.FAILED;
    }

    /** A location whose settings are incomplete fails its configuration check without a request. */
    private ValidationReport validate(Locations locations, String location) {
        String problem = locations.invalid().get(location);
        if (problem != null) {
            return new ValidationReport(location, List.of(new CheckResult(LocationValidator.CONFIGURATION,
                    CheckResult.Status.FAIL, problem, "complete the location's settings as the message says")),
                    OperationCounts.EMPTY);
        }
        return context.bean(LocationValidator.class).validate(locations.get(location).spec());
    }
}
