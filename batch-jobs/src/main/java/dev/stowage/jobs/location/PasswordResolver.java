package dev.stowage.jobs.location;

import dev.stowage.jobs.InvalidRequestException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.function.BooleanSupplier;

/**
 * Finds the repository password of a location, in this order: the password file given for the whole
 * run ({@code --password-file}), the {@code STOWAGE_PASSWORD} environment variable, the location's own
 * {@code password-file}, and for the embedded default only {@code $STOWAGE_HOME/password}, generated
 * with owner-only permissions when the repository does not exist yet.
 */
public final class PasswordResolver {

    private final Path runPasswordFile;
    private final String environmentPassword;
    private final Path embeddedPasswordFile;

    /**
     * @param runPasswordFile      {@code --password-file} / {@code stowage.password-file}, or null
     * @param environmentPassword  {@code STOWAGE_PASSWORD}, or null
     * @param embeddedPasswordFile {@code $STOWAGE_HOME/password}
     */
    public PasswordResolver(Path runPasswordFile, String environmentPassword, Path embeddedPasswordFile) {
        this.runPasswordFile = runPasswordFile;
        this.environmentPassword = environmentPassword;
        this.embeddedPasswordFile = embeddedPasswordFile;
    }

    /**
     * @param repositoryExists whether the location already holds a repository, asked only for the embedded
     *                         default without its password file: a password is generated only for a new
     *                         embedded repository, never to replace one that was lost
     */
    public ResolvedPassword resolve(Location location, BooleanSupplier repositoryExists) {
        if (runPasswordFile != null) {
            return ResolvedPassword.fromFile(read(runPasswordFile), runPasswordFile, false);
        }
        if (environmentPassword != null && !environmentPassword.isEmpty()) {
            return new ResolvedPassword(environmentPassword.toCharArray(), "STOWAGE_PASSWORD", null, false);
        }
        if (location.passwordFile() != null) {
            Path file = location.passwordFile();
            return ResolvedPassword.fromFile(read(file), file, false);
        }
        if (!location.embeddedDefault()) {
            throw new InvalidRequestException("location '" + location.name() + "' needs its repository password: "
                    + "pass --password-file FILE, set STOWAGE_PASSWORD, or set "
                    + location.spec().settingName("password-file"));
        }
        if (Files.exists(embeddedPasswordFile)) {
            return ResolvedPassword.fromFile(read(embeddedPasswordFile), embeddedPasswordFile, false);
        }
        if (repositoryExists.getAsBoolean()) {
            throw new InvalidRequestException("the repository at " + location.describe() + " exists but "
                    + embeddedPasswordFile + " is missing: pass --password-file FILE or set STOWAGE_PASSWORD");
        }
        return ResolvedPassword.fromFile(generate(), embeddedPasswordFile, true);
    }

    /** Reads a password file: its first line, without the line break. */
    static char[] read(Path file) {
        String content;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidRequestException("unable to read password file " + file + ": " + e.getMessage()
                    + " (check the path and its permissions)");
        }
        int end = content.indexOf('\n');
        String line = end < 0 ? content : content.substring(0, end);
        if (line.endsWith("\r")) {
            line = line.substring(0, line.length() - 1);
        }
        if (line.isEmpty()) {
            throw new InvalidRequestException("password file " + file + " is empty: put the password on its first line");
        }
        return line.toCharArray();
    }

    private char[] generate() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        writeOwnerOnly(embeddedPasswordFile, password);
        return password.toCharArray();
    }

    /** Writes a password file with owner-only permissions (0600), replacing any file atomically. */
    public static void writeOwnerOnly(Path file, String password) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temp = file.resolveSibling(".tmp-" + file.getFileName());
            Files.deleteIfExists(temp);
            try {
                Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(temp);
            }
            Files.writeString(temp, password + "\n", StandardCharsets.UTF_8);
            Files.move(temp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new IllegalStateException("unable to write password file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param source    where it came from, for messages
     * @param file      the file it was read from (or just written to), or null
     * @param generated whether it was generated just now into {@code file}
     */
    public record ResolvedPassword(char[] value, String source, Path file, boolean generated) {
        static ResolvedPassword fromFile(char[] value, Path file, boolean generated) {
            return new ResolvedPassword(value, "password file " + file, file, generated);
        }
    }

    /** The file holding the embedded default location's generated password. */
    public Path embeddedPasswordFile() {
        return embeddedPasswordFile;
    }
}
