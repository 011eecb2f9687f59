package dev.stowage.jobs.drill;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code stowage.drill.*}.
 *
 * @param scratchDirectory where drills restore their samples (a directory of their own is made and
 *                         deleted per volume); the system's temporary directory by default. It must hold the
 *                         largest volume's sample ({@code --full}: the whole volume)
 */
@ConfigurationProperties("stowage.drill")
public record DrillProperties(Path scratchDirectory) {

    public DrillProperties {
        scratchDirectory = scratchDirectory == null ? Path.of(System.getProperty("java.io.tmpdir")) : scratchDirectory;
    }
}
