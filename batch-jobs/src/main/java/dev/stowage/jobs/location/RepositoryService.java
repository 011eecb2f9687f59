package dev.stowage.jobs.location;

import dev.stowage.jobs.InvalidRequestException;
import dev.stowage.repository.CheckReport;
import dev.stowage.repository.ProgressListener;
import java.nio.file.Path;

/** {@code stowage repo ...}: checking a repository and changing its password. */
public final class RepositoryService {

    private final OpenRepositories repositories;
    private final PasswordResolver passwords;

    public RepositoryService(OpenRepositories repositories, PasswordResolver passwords) {
        this.repositories = repositories;
        this.passwords = passwords;
    }

    public CheckReport check(String location, boolean readData, ProgressListener progress) {
        return repositories.get(location, false).repository().check(readData, progress);
    }

    /**
     * Re-wraps the master key under a new password. When the old one was the generated password of the
     * embedded default, its file is rewritten after the repository accepted the change, so the file
     * never holds a password the repository does not know.
     *
     * @return the password file that now holds the new password, or null when the caller keeps it elsewhere
     */
    public Path changePassword(String location, char[] newPassword) {
        if (newPassword.length == 0) {
            throw new InvalidRequestException("the new password is empty: give a non-empty one");
        }
        OpenedRepository repository = repositories.get(location, false);
        repository.repository().changePassword(newPassword);
        Path file = repository.password().file();
        if (file != null && file.equals(passwords.embeddedPasswordFile())) {
            PasswordResolver.writeOwnerOnly(file, new String(newPassword));
            return file;
        }
        return null;
    }
}
