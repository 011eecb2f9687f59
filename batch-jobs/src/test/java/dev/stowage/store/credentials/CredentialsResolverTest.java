package dev.stowage.store.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.store.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialsResolverTest {

    @TempDir
    Path home;

    private Path write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }

    @Test
    void aNamedFileWins() throws IOException {
        Path cloud = write(home.resolve("secret/cloud"), "[default]\naws_access_key_id=file-id\n"
                + "aws_secret_access_key=file-secret\n");
        CredentialsResolver resolver = new CredentialsResolver(Map.of("AWS_ACCESS_KEY_ID", "env-id",
                "AWS_SECRET_ACCESS_KEY", "env-secret"), home);

        ResolvedCredentials resolved = resolver.resolve(CredentialsSpec.file(cloud), "b2");

        assertThat(resolved.keys().accessKeyId()).isEqualTo("file-id");
        assertThat(resolved.source()).isEqualTo("file " + cloud + ", profile [default]");
    }

    @Test
    void withNothingNamedTheEnvironmentIsUsed() {
        CredentialsResolver resolver = new CredentialsResolver(Map.of("AWS_ACCESS_KEY_ID", "env-id",
                "AWS_SECRET_ACCESS_KEY", "env-secret", "AWS_SESSION_TOKEN", "tok"), home);

        ResolvedCredentials resolved = resolver.resolve(CredentialsSpec.FROM_ENVIRONMENT, "nas");

        assertThat(resolved.keys()).isEqualTo(new AccessKeys("env-id", "env-secret", "tok"));
    }

    @Test
    void aProfileIsReadFromTheSharedCredentialsFile() throws IOException {
        Path shared = write(home.resolve("elsewhere/credentials"), "[nas]\naws_access_key_id=nas-id\n"
                + "aws_secret_access_key=nas-secret\n");
        CredentialsResolver resolver = new CredentialsResolver(
                Map.of("AWS_SHARED_CREDENTIALS_FILE", shared.toString()), home);

        assertThat(resolver.resolve(CredentialsSpec.profile("nas"), "nas").keys().accessKeyId()).isEqualTo("nas-id");
    }

    @Test
    void withoutEnvironmentTheHomeCredentialsFileIsTheLastResort() throws IOException {
        write(home.resolve(".aws/credentials"), "[default]\naws_access_key_id=home-id\n"
                + "aws_secret_access_key=home-secret\n");

        ResolvedCredentials resolved = new CredentialsResolver(Map.of(), home)
                .resolve(CredentialsSpec.FROM_ENVIRONMENT, "nas");

        assertThat(resolved.keys().accessKeyId()).isEqualTo("home-id");
    }

    @Test
    void noCredentialsAnywhereSaysWhatToSet() {
        assertThatThrownBy(() -> new CredentialsResolver(Map.of(), home).resolve(CredentialsSpec.FROM_ENVIRONMENT,
                "b2"))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("location b2")
                .hasMessageContaining("credentials file")
                .hasMessageContaining("AWS_ACCESS_KEY_ID")
                .satisfies(e -> assertThat(((StoreException) e).retriable()).isFalse());
    }

    @Test
    void aMissingFileAsksWhetherTheSecretIsMounted() {
        Path missing = home.resolve("secret/cloud");

        assertThatThrownBy(() -> new CredentialsResolver(Map.of(), home).resolve(CredentialsSpec.file(missing), "b2"))
                .hasMessageContaining(missing + " does not exist (is the Secret mounted?)");
    }

    @Test
    void aFileWithoutTheProfileNamesTheFileAndTheProfile() throws IOException {
        Path cloud = write(home.resolve("cloud"), "[default]\naws_access_key_id=a\naws_secret_access_key=b\n");

        assertThatThrownBy(() -> new CredentialsResolver(Map.of(), home)
                .resolve(new CredentialsSpec(cloud, "offsite"), "b2"))
                .hasMessageContaining("no [offsite] section in credentials file " + cloud);
    }
}
