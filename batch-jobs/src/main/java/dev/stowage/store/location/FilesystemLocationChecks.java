package dev.stowage.store.location;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Checks of a filesystem location: the directory is there, and objects can be written in it. */
final class FilesystemLocationChecks {

    private FilesystemLocationChecks() {
    }

    static void run(LocationSpec spec, ObjectStoreFactory factory, List<CheckResult> checks,
            List<LocationStore> opened) {
        Path directory = spec.path();
        if (!Files.isDirectory(directory)) {
            // Not created on the fly: a missing NAS mount would send backups to the node's own disk.
            checks.add(CheckResult.fail(LocationValidator.DIRECTORY, directory + " does not exist or is not a"
                    + " directory", "create it, or mount the volume it lives on, or correct "
                    + spec.settingName("path")));
            return;
        }
        if (!Files.isWritable(directory)) {
            checks.add(CheckResult.fail(LocationValidator.DIRECTORY, directory + " is not writable by this user",
                    "give the user running Stowage write access to it"));
            return;
        }
        checks.add(CheckResult.pass(LocationValidator.DIRECTORY, directory + " is a writable directory"));
        LocationStore store = factory.openBare(spec);
        opened.add(store);
        checks.add(WriteReadDeleteProbe.run(store, spec).result());
    }
}
