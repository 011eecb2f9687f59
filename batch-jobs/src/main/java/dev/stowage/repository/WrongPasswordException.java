package dev.stowage.repository;

/** No key object of the repository opens with the given password. */
public class WrongPasswordException extends RepositoryException {
    public WrongPasswordException(String message) {
        super(message);
    }
}
