package dev.stowage.store.credentials;

import dev.stowage.store.StoreException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Turns a {@link CredentialsSpec} into access keys, reading the environment it is given (the process
 * environment in production, a map in tests). Every failure is a permanent
 * {@link StoreException} naming the location and what to set; no secret is ever part of a message.
 */
public final class CredentialsResolver {

    static final String ACCESS_KEY_ID = "AWS_ACCESS_KEY_ID";
    static final String SECRET_ACCESS_KEY = "AWS_SECRET_ACCESS_KEY";
    static final String SESSION_TOKEN = "AWS_SESSION_TOKEN";
    static final String SHARED_FILE = "AWS_SHARED_CREDENTIALS_FILE";
    static final String PROFILE = "AWS_PROFILE";
    private static final String DEFAULT_PROFILE = "default";

    private final Map<String, String> environment;
    private final Path home;

    public CredentialsResolver() {
        this(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    public CredentialsResolver(Map<String, String> environment, Path home) {
        this.environment = Map.copyOf(environment);
        this.home = home;
    }

    public ResolvedCredentials resolve(CredentialsSpec spec, String location) {
        if (spec.file() != null) {
            return fromFile(spec.file(), profileOr(spec.profile(), DEFAULT_PROFILE), location);
        }
        if (spec.profile() != null) {
            return fromFile(sharedFile(), spec.profile(), location);
        }
        String id = environment.get(ACCESS_KEY_ID);
        String secret = environment.get(SECRET_ACCESS_KEY);
        if (present(id) && present(secret)) {
            String token = environment.get(SESSION_TOKEN);
            return new ResolvedCredentials(new AccessKeys(id, secret, present(token) ? token : null),
                    "environment variables " + ACCESS_KEY_ID + "/" + SECRET_ACCESS_KEY);
        }
        if (Files.isRegularFile(sharedFile())) {
            return fromFile(sharedFile(), profileOr(environment.get(PROFILE), DEFAULT_PROFILE), location);
        }
        throw misconfigured(location, "no credentials found: set the location's credentials file (a Velero-style"
                + " [default] file with aws_access_key_id and aws_secret_access_key), a credentials profile, or "
                + ACCESS_KEY_ID + " and " + SECRET_ACCESS_KEY, null);
    }

    private ResolvedCredentials fromFile(Path file, String profile, String location) {
        String source = "file " + file + ", profile [" + profile + "]";
        String content;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw misconfigured(location, "credentials file " + file + " does not exist (is the Secret mounted?)", e);
        } catch (IOException e) {
            throw misconfigured(location, "unable to read credentials file " + file + ": " + e, e);
        }
        try {
            return new ResolvedCredentials(CredentialsFile.parse("credentials file " + file, content)
                    .accessKeys(profile), source);
        } catch (IllegalArgumentException e) {
            throw misconfigured(location, e.getMessage(), null);
        }
    }

    private Path sharedFile() {
        String configured = environment.get(SHARED_FILE);
        return present(configured) ? Path.of(configured) : home.resolve(".aws").resolve("credentials");
    }

    private static String profileOr(String profile, String fallback) {
        return present(profile) ? profile : fallback;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static StoreException misconfigured(String location, String detail, Throwable cause) {
        return new StoreException("load credentials", null, location, StoreException.Reason.MISCONFIGURED, detail,
                cause);
    }
}
