package dev.stowage.jobs.testing;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The two JobRepository databases Stowage supports; job tests run on both. */
public enum JobDatabase {
    /** the embedded default: an H2 file under the home directory */
    H2,
    /** a cluster's database: a real PostgreSQL server, a fresh database per context */
    POSTGRES;

    /** Spring properties for a context whose STOWAGE_HOME is {@code home}. */
    public Map<String, Object> properties(Path home) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("stowage.home", home.toString());
        properties.put("spring.main.banner-mode", "off");
        properties.put("spring.main.lazy-initialization", "true");
        properties.put("spring.batch.job.enabled", "false");
        properties.put("spring.batch.jdbc.initialize-schema", "always");
        properties.put("logging.level.root", "WARN");
        switch (this) {
            case H2 -> {
                properties.put("spring.datasource.url", "jdbc:h2:file:" + home.resolve("jobs/jobs") + ";AUTO_SERVER=TRUE");
                properties.put("spring.datasource.username", "sa");
                properties.put("spring.datasource.password", "");
            }
            case POSTGRES -> {
                properties.put("spring.datasource.url", EmbeddedPostgresServer.newDatabase());
                properties.put("spring.datasource.username", "postgres");
                properties.put("spring.datasource.password", "postgres");
            }
        }
        return properties;
    }
}
