package dev.stowage.store;

/** The object (or the bucket holding it) does not exist. */
public class ObjectNotFoundException extends StoreException {
    public ObjectNotFoundException(String operation, String key, String location, Throwable cause) {
        super(operation, key, location, Reason.NOT_FOUND, "not found", cause);
    }
}
