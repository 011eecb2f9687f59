package dev.stowage.kube.worker;

import dev.stowage.repository.Repositories;
import dev.stowage.repository.RepositoryOptions;
import dev.stowage.store.LocalFilesystemStore;
import dev.stowage.store.location.LocationSpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** A filesystem repository, its password file and a pods root under one temporary directory, and a way to run workers on them. */
final class WorkerFixture {

    static final String PASSWORD = "worker test password";

    final Path repository;
    final Path passwordFile;
    final Path podsRoot;
    final Path terminationLog;
    final ByteArrayOutputStream output = new ByteArrayOutputStream();

    WorkerFixture(Path temp) throws IOException {
        repository = Files.createDirectories(temp.resolve("repository"));
        podsRoot = Files.createDirectories(temp.resolve("pods"));
        passwordFile = temp.resolve("password");
        terminationLog = temp.resolve("termination-log");
        Files.writeString(passwordFile, PASSWORD + "\n");
        Repositories.init(new LocalFilesystemStore("local", repository), PASSWORD.toCharArray(),
                RepositoryOptions.forTests()).close();
    }

    WorkerSpec backupSpec(String backup, List<WorkerVolume> volumes) {
        return new WorkerSpec(WorkerSpec.VERSION, WorkerOperation.BACKUP, backup, "node-a", "a",
                WorkerLocation.of(LocationSpec.filesystem("local", repository)), passwordFile.toString(),
                podsRoot.toString(), null, "backup-" + backup + "-node-a", 0, volumes);
    }

    WorkerSpec restoreSpec(String restore, List<WorkerVolume> volumes) {
        return new WorkerSpec(WorkerSpec.VERSION, WorkerOperation.RESTORE, restore, "pvc-x", null,
                WorkerLocation.of(LocationSpec.filesystem("local", repository)), passwordFile.toString(), null, null,
                "restore-" + restore + "-pvc-x", 0, volumes);
    }

    /** Runs {@code stowage worker <operation>} in this process with the spec in its environment. */
    int run(WorkerSpec spec) {
        Map<String, String> environment = Map.of(WorkerMain.SPEC_ENV, WorkerJson.write(spec),
                WorkerMain.TERMINATION_ENV, terminationLog.toString());
        return new WorkerMain(environment, new PrintStream(output, true, StandardCharsets.UTF_8), Clock.systemUTC())
                .run(spec.operation().word());
    }

    String terminationMessage() throws IOException {
        return Files.readString(terminationLog);
    }

    WorkerResult result() throws IOException {
        try (var repo = Repositories.open(new LocalFilesystemStore("local", repository), PASSWORD.toCharArray(),
                RepositoryOptions.forTests())) {
            return TerminationMessage.decode(terminationMessage(), (c, n) -> repo.documents().get(c, n));
        }
    }

    static WorkerVolume claim(String namespace, String claim, String podUid, String pv) {
        return WorkerVolume.toBackup(namespace + "/" + claim, "pvc", "pvc:" + namespace + "/" + claim, namespace,
                "pod-" + claim, podUid, "data", claim, pv, podUid + "/volumes/kubernetes.io~csi/" + pv + "/mount");
    }

    static WorkerVolume emptyDir(String namespace, String pod, String podUid, String volume) {
        return WorkerVolume.toBackup(namespace + "/" + pod + "/" + volume, "emptydir",
                "emptydir:" + namespace + "/" + pod + "/" + volume, namespace, pod, podUid, volume, null, null,
                podUid + "/volumes/kubernetes.io~empty-dir/" + volume);
    }
}
