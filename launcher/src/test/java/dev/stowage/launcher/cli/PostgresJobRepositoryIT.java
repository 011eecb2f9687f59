package dev.stowage.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.jobs.testing.EmbeddedPostgresServer;
import dev.stowage.jobs.testing.Trees;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher on a PostgreSQL JobRepository, configured the way a cluster configures it: spring.datasource.*. */
class PostgresJobRepositoryIT {

    @TempDir
    Path dir;

    @Test
    void backupsAndTheirRunsLiveInPostgreSql() {
        Path data = Trees.write(dir.resolve("data"), 3, 5_000, 1);
        Cli cli = new Cli(dir.resolve("home"))
                .with("spring.datasource.url", EmbeddedPostgresServer.newDatabase())
                .with("spring.datasource.username", "postgres")
                .with("spring.datasource.password", "postgres");

        Cli.Result backup = cli.run("backup", "create", "first", "--path", data.toString());
        Cli.Result jobs = cli.run("jobs");

        assertThat(backup.status()).as(backup.err()).isZero();
        assertThat(jobs.out()).containsPattern("backup\\s+first\\s+COMPLETED");
        assertThat(dir.resolve("home/jobs")).as("no H2 file").doesNotExist();
    }
}
