package dev.stowage.jobs.location;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.jobs.InvalidRequestException;
import dev.stowage.store.location.LocationSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PasswordResolverTest {

    @TempDir
    Path home;

    private final Location embedded = new Location("local", LocationSpec.filesystem("local", Path.of("/r")), null,
            true);
    private final Location nas = new Location("nas", LocationSpec.filesystem("nas", Path.of("/nas")), null, false);

    @Test
    void generatesAnOwnerOnlyPasswordForANewEmbeddedRepository() throws Exception {
        PasswordResolver resolver = new PasswordResolver(null, null, home.resolve("password"));

        PasswordResolver.ResolvedPassword password = resolver.resolve(embedded, () -> false);

        assertThat(password.generated()).isTrue();
        assertThat(password.file()).isEqualTo(home.resolve("password"));
        assertThat(Files.readString(home.resolve("password")).strip()).isEqualTo(new String(password.value()));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("password"))))
                .isEqualTo("rw-------");
    }

    @Test
    void reusesTheGeneratedPasswordAfterwards() {
        PasswordResolver resolver = new PasswordResolver(null, null, home.resolve("password"));
        char[] first = resolver.resolve(embedded, () -> false).value().clone();

        PasswordResolver.ResolvedPassword again = resolver.resolve(embedded, () -> true);

        assertThat(again.generated()).isFalse();
        assertThat(again.value()).isEqualTo(first);
    }

    @Test
    void neverGeneratesAPasswordForARepositoryThatExists() {
        PasswordResolver resolver = new PasswordResolver(null, null, home.resolve("password"));

        assertThatThrownBy(() -> resolver.resolve(embedded, () -> true))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("is missing: pass --password-file FILE or set STOWAGE_PASSWORD");
        assertThat(home.resolve("password")).doesNotExist();
    }

    @Test
    void refusesAnotherLocationWithoutAPasswordSayingHowToGiveOne() {
        PasswordResolver resolver = new PasswordResolver(null, null, home.resolve("password"));

        assertThatThrownBy(() -> resolver.resolve(nas, () -> false))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("location 'nas' needs its repository password: pass --password-file FILE, set "
                        + "STOWAGE_PASSWORD, or set stowage.locations.nas.password-file"
                        + " (STOWAGE_LOCATIONS_NAS_PASSWORD_FILE)");
    }

    @Test
    void prefersThePasswordFileOverTheEnvironment() throws Exception {
        Path file = Files.writeString(home.resolve("pw"), "from-file\nsecond line ignored\n");
        PasswordResolver resolver = new PasswordResolver(file, "from-env", home.resolve("password"));

        assertThat(new String(resolver.resolve(nas, () -> true).value())).isEqualTo("from-file");
    }

    @Test
    void takesTheEnvironmentBeforeTheLocationsOwnFile() throws Exception {
        Path file = Files.writeString(home.resolve("pw"), "location-file");
        Location withFile = new Location("nas", LocationSpec.filesystem("nas", Path.of("/nas")), file, false);
        PasswordResolver resolver = new PasswordResolver(null, "from-env", home.resolve("password"));

        assertThat(new String(resolver.resolve(withFile, () -> true).value())).isEqualTo("from-env");
    }

    @Test
    void refusesAnEmptyPasswordFile() throws Exception {
        Path file = Files.writeString(home.resolve("pw"), "\n");
        PasswordResolver resolver = new PasswordResolver(file, null, home.resolve("password"));

        assertThatThrownBy(() -> resolver.resolve(nas, () -> true))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("is empty");
    }

    @Test
    void refusesAMissingPasswordFileNamingIt() {
        Path file = home.resolve("absent");
        PasswordResolver resolver = new PasswordResolver(file, null, home.resolve("password"));

        assertThatThrownBy(() -> resolver.resolve(nas, () -> true))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("unable to read password file " + file);
    }
}
