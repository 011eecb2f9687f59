package dev.stowage.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.jobs.restore.RestoreOptions;
import dev.stowage.jobs.restore.RestoreOptionsFile;
import dev.stowage.kube.schedule.ManualJobs;
import dev.stowage.kube.testing.ClusterFixtures;
import dev.stowage.kube.testing.MockCluster;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * The kubectl way, against the mock API server: {@code schedule apply} makes the CronJobs, a Job made
 * from one as {@code kubectl create job --from=cronjob/...} makes it runs the right command, and
 * {@code restore create --in-cluster-job} starts a restore from the restore template.
 */
class KubectlCreateJobIT {

    @TempDir
    Path dir;

    private MockCluster cluster;
    private Path kubeconfig;
    private Cli cli;

    @BeforeEach
    void start() throws IOException {
        cluster = MockCluster.start();
        ClusterFixtures.load(cluster.client(), ClusterFixtures.TWO_APPS);
        kubeconfig = Files.writeString(dir.resolve("kubeconfig"), """
                apiVersion: v1
                kind: Config
                clusters: [{name: homelab, cluster: {server: %s}}]
                users: [{name: admin, user: {token: not-checked-by-the-mock}}]
                contexts: [{name: homelab, context: {cluster: homelab, user: admin}}]
                current-context: homelab
                """.formatted(cluster.url()));
        cli = new Cli(dir.resolve("home"))
                .with("stowage.schedules.daily.cron", "0 2 * * *")
                .with("stowage.schedules.daily.location", "local")
                .with("stowage.schedules.daily.ttl", "336h")
                .with("stowage.schedules.weekly.cron", "0 3 * * 0")
                .with("stowage.schedules.weekly.time-zone", "Europe/Berlin")
                .with("stowage.schedules.weekly.location", "local")
                .with("stowage.schedules.weekly.included-namespaces", "shop")
                .with("stowage.schedules.weekly.volume-policy", "opt-in");
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void applyCreatesTheCronJobsAndTheRestoreOptionsOnceAndASecondApplyChangesNothing() {
        Cli.Result first = apply();
        Cli.Result second = apply();

        assertThat(first.out()).containsPattern("stowage-daily\\s+create").containsPattern("stowage-weekly\\s+create")
                .containsPattern("stowage-restore\\s+create").contains("Created ConfigMap stowage-restore-options");
        assertThat(second.status()).as(second.err()).isEqualTo(ExitCodes.OK);
        assertThat(second.out()).containsPattern("stowage-daily\\s+unchanged").containsPattern("stowage-weekly\\s+unchanged")
                .containsPattern("stowage-restore\\s+unchanged").doesNotContain("ConfigMap");
        assertThat(cronJob("stowage-weekly").getSpec().getTimeZone()).isEqualTo("Europe/Berlin");
    }

    @Test
    void aDryRunPrintsTheCronJobsAndCreatesNothing() {
        Cli.Result result = cli.run("schedule", "apply", "--dry-run", "--kubeconfig", kubeconfig.toString());

        assertThat(result.status()).as(result.err()).isEqualTo(ExitCodes.OK);
        assertThat(result.out()).containsPattern("stowage-daily\\s+create").contains("kind: \"CronJob\"")
                .contains("name: \"stowage-daily\"").contains("Would create ConfigMap stowage-restore-options");
        assertThat(cluster.client().batch().v1().cronjobs().inAnyNamespace().list().getItems()).isEmpty();
    }

    @Test
    void aJobCreatedFromTheDailyCronJobRunsThatSchedulesBackup() {
        apply();

        Job job = kubectlCreateJobFrom("stowage-daily", "manual-1763706000");
        List<String> args = launcherArgs(job);
        ParseResult create = parse(args).subcommand().subcommand();

        assertThat(create.commandSpec().qualifiedName()).isEqualTo("stowage backup create");
        assertThat((String) create.matchedOptionValue("--schedule", null)).isEqualTo("daily");
        assertThat((String) create.matchedOptionValue("--location", null)).isEqualTo("local");
        assertThat((String) create.matchedOptionValue("--ttl", null)).isEqualTo("336h");
        assertThat(create.<List<String>>matchedOptionValue("--exclude-namespaces", List.of()))
                .containsExactly("stowage", "kube-system", "default");
        assertThat((Boolean) create.matchedOptionValue("--default-volumes-to-fs-backup", null)).isTrue();
    }

    @Test
    void theWeeklyJobsArgumentsCarryItsFiltersAndOptInPolicy() {
        apply();

        ParseResult create = parse(launcherArgs(kubectlCreateJobFrom("stowage-weekly", "manual-1"))).subcommand()
                .subcommand();

        assertThat(create.<List<String>>matchedOptionValue("--include-namespaces", List.of())).containsExactly("shop");
        assertThat((Boolean) create.matchedOptionValue("--default-volumes-to-fs-backup", null)).isFalse();
    }

    @Test
    void theDailyJobsCommandRunInThePodMakesABackupNamedAfterTheScheduleAndTheJob() {
        apply();
        long seconds = Instant.now().getEpochSecond();
        List<String> args = new ArrayList<>(launcherArgs(kubectlCreateJobFrom("stowage-daily", "manual-" + seconds)));
        args.addAll(List.of("--kubeconfig", kubeconfig.toString())); // in the pod: its service account

        Cli.Result backup = cli.with("stowage.kubernetes.job-name", "manual-" + seconds).run(args.toArray(String[]::new));

        String name = "daily-" + java.time.format.DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
                .withZone(java.time.ZoneOffset.UTC).format(Instant.ofEpochSecond(seconds));
        assertThat(backup.status()).as(backup.err()).isEqualTo(ExitCodes.OK);
        assertThat(backup.out()).startsWith("Backup " + name + " Completed").contains("Kubernetes resources");
        assertThat(cli.run("backup", "describe", name, "-o", "yaml").out()).contains("stowage.dev/schedule: daily");
    }

    @Test
    void aJobCreatedFromTheRestoreTemplateRestoresWhatItsConfigMapSays() throws IOException {
        apply();
        Job job = kubectlCreateJobFrom("stowage-restore", "restore-1");
        ParseResult create = parse(launcherArgs(job)).subcommand().subcommand();
        ConfigMap options = cluster.client().configMaps().inNamespace("stowage").withName("stowage-restore-options").get();

        assertThat(create.commandSpec().qualifiedName()).isEqualTo("stowage restore create");
        assertThat((Path) create.matchedOptionValue("--options-file", null)).hasToString("/etc/stowage/restore/options.yaml");
        assertThat(job.getSpec().getTemplate().getSpec().getVolumes()).filteredOn(v -> v.getName().equals("restore-options"))
                .singleElement().satisfies(v -> assertThat(v.getConfigMap().getName()).isEqualTo("stowage-restore-options"));
        RestoreOptions read = RestoreOptionsFile.parse(options.getData().get("options.yaml"), "the ConfigMap");
        assertThat(read.fromBackup()).isEqualTo("latest");
        assertThat(read.location()).isEqualTo("local");
    }

    @Test
    void restoreCreateInClusterJobStartsTheRestoreTemplateWithItsOptionsAndSaysHowToWatch() {
        apply();

        Cli.Result result = cli.run("restore", "create", "restore-shop", "--from-backup", "latest", "--from-schedule",
                "daily", "--namespace-mappings", "shop:shop-restored", "--in-cluster-job",
                "--kubeconfig", kubeconfig.toString());

        assertThat(result.status()).as(result.err()).isEqualTo(ExitCodes.OK);
        assertThat(result.out()).contains("Restore Job restore-shop created in namespace stowage")
                .contains("kubectl -n stowage logs -f job/restore-shop")
                .contains("kubectl -n stowage get job restore-shop --watch")
                .contains("stowage restore describe restore-shop");
        Job job = cluster.client().batch().v1().jobs().inNamespace("stowage").withName("restore-shop").get();
        assertThat(job.getMetadata().getAnnotations()).containsEntry("cronjob.kubernetes.io/instantiate", "manual");
        ConfigMap options = cluster.client().configMaps().inNamespace("stowage").withName("restore-shop-options").get();
        RestoreOptions read = RestoreOptionsFile.parse(options.getData().get("options.yaml"), "the Job's ConfigMap");
        assertThat(read.name()).isEqualTo("restore-shop");
        assertThat(read.fromBackup()).isEqualTo("latest");
        assertThat(read.fromSchedule()).isEqualTo("daily");
        assertThat(read.namespaceMappings()).isEqualTo(Map.of("shop", "shop-restored"));
    }

    @Test
    void restoreCreateInClusterJobWithoutTheTemplateSaysHowToGetIt() {
        Cli.Result result = cli.run("restore", "create", "--from-backup", "latest", "--in-cluster-job",
                "--kubeconfig", kubeconfig.toString());

        assertThat(result.status()).isEqualTo(ExitCodes.FAILED);
        assertThat(result.err()).contains("no CronJob stowage-restore in namespace stowage")
                .contains("stowage schedule apply");
    }

    private Cli.Result apply() {
        Cli.Result result = cli.run("schedule", "apply", "--kubeconfig", kubeconfig.toString());
        assertThat(result.status()).as(result.err()).isEqualTo(ExitCodes.OK);
        return result;
    }

    /** What {@code kubectl create job --from=cronjob/NAME JOB} sends, and the Job as the server keeps it. */
    private Job kubectlCreateJobFrom(String cronJobName, String jobName) {
        Job job = ManualJobs.fromCronJob(cronJob(cronJobName), jobName);
        cluster.client().batch().v1().jobs().inNamespace("stowage").resource(job).create();
        return cluster.client().batch().v1().jobs().inNamespace("stowage").withName(jobName).get();
    }

    private CronJob cronJob(String name) {
        return cluster.client().batch().v1().cronjobs().inNamespace("stowage").withName(name).get();
    }

    private static List<String> launcherArgs(Job job) {
        return job.getSpec().getTemplate().getSpec().getContainers().stream()
                .filter(c -> c.getName().equals("stowage")).findFirst().orElseThrow().getArgs();
    }

    /** The image's entrypoint hands its arguments to the {@code stowage} command line; parsed here as it would. */
    private static ParseResult parse(List<String> args) {
        CliContext context = new CliContext(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                false, Map.of(), List.of());
        return CommandTree.full(new StowageCommand(), new StowageCli.Factory(context))
                .parseArgs(args.toArray(String[]::new));
    }
}
