package dev.stowage.store.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CredentialsFileTest {

    @Test
    void readsAVeleroCloudFile() {
        CredentialsFile file = CredentialsFile.parse("test", "[default]\naws_access_key_id=0025key\n"
                + "aws_secret_access_key=K0025secret\n");

        assertThat(file.accessKeys("default")).isEqualTo(new AccessKeys("0025key", "K0025secret"));
    }

    @Test
    void acceptsSpacesCommentsWindowsLineEndsAndProfileSections() {
        CredentialsFile file = CredentialsFile.parse("test", "\uFEFF# keys for the NAS\r\n[profile nas]\r\n"
                + "  aws_access_key_id = minio \r\n; note\r\naws_secret_access_key = minio123\r\n"
                + "aws_session_token = tok\r\n");

        assertThat(file.accessKeys("nas")).isEqualTo(new AccessKeys("minio", "minio123", "tok"));
    }

    @Test
    void aMissingSectionIsNamedWithTheSectionsThereAre() {
        CredentialsFile file = CredentialsFile.parse("credentials file cloud", "[b2]\naws_access_key_id=a\n"
                + "aws_secret_access_key=b\n");

        assertThatThrownBy(() -> file.accessKeys("default"))
                .hasMessage("no [default] section in credentials file cloud (sections: [b2])");
    }

    @Test
    void aMissingSecretIsNamedWithoutShowingTheKey() {
        CredentialsFile file = CredentialsFile.parse("cloud", "[default]\naws_access_key_id=0025visible\n");

        assertThatThrownBy(() -> file.accessKeys("default"))
                .hasMessage("aws_secret_access_key is missing or empty in [default] of cloud")
                .hasMessageNotContaining("0025visible");
    }

    @Test
    void aMalformedLineIsReportedByNumberNotByContent() {
        assertThatThrownBy(() -> CredentialsFile.parse("cloud", "[default]\nK0025-secret-pasted-alone\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 2 of cloud")
                .hasMessageNotContaining("K0025");
    }

    @Test
    void accessKeysNeverShowTheSecretWhenPrinted() {
        AccessKeys keys = new AccessKeys("0025abcdef", "K0025topsecret", "session-token");

        assertThat(keys.toString()).doesNotContain("K0025topsecret").doesNotContain("session-token")
                .doesNotContain("0025abcdef").contains("<redacted>");
    }
}
