package dev.stowage.repository.crypto;

/**
 * Ciphertext failed authentication: it was damaged, tampered with, made under another key, or is not
 * an object of the expected kind. Callers that know the object's name turn it into a
 * {@code CorruptDataException} naming it.
 */
public class AuthenticationException extends RuntimeException {
    public AuthenticationException(String message) {
        super(message);
    }

    public AuthenticationException(String message, Throwable cause) {
        super(message, cause);
    }
}
