package dev.stowage.store.credentials;

import java.nio.file.Path;

/**
 * Where a location's access keys come from. With both fields empty: the environment
 * ({@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY}), then the shared credentials file's
 * {@code AWS_PROFILE} or {@code default} profile, as the AWS tools do.
 *
 * @param file    a credentials file, e.g. Velero's {@code cloud} key of a mounted Secret; null for none
 * @param profile the section to read; {@code default} when null. Without {@code file}: a profile of
 *                the shared credentials file ({@code AWS_SHARED_CREDENTIALS_FILE} or ~/.aws/credentials)
 */
public record CredentialsSpec(Path file, String profile) {

    public static final CredentialsSpec FROM_ENVIRONMENT = new CredentialsSpec(null, null);

    public static CredentialsSpec file(Path file) {
        return new CredentialsSpec(file, null);
    }

    public static CredentialsSpec profile(String profile) {
        return new CredentialsSpec(null, profile);
    }
}
