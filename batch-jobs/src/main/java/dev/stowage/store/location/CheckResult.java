package dev.stowage.store.location;

/**
 * One check of a location and what to do when it did not pass.
 *
 * @param name   what was checked ("reachable", "credentials", …)
 * @param status the outcome
 * @param detail what was seen
 * @param fix    what the operator should do; null when there is nothing to do
 */
public record CheckResult(String name, Status status, String detail, String fix) {

    public enum Status {
        PASS,
        /** works, but costs money or surprises later */
        WARN,
        FAIL,
        /** not run: an earlier check failed, or the endpoint cannot answer it */
        SKIPPED
    }

    static CheckResult pass(String name, String detail) {
        return new CheckResult(name, Status.PASS, detail, null);
    }

    static CheckResult warn(String name, String detail, String fix) {
        return new CheckResult(name, Status.WARN, detail, fix);
    }

    static CheckResult fail(String name, String detail, String fix) {
        return new CheckResult(name, Status.FAIL, detail, fix);
    }

    static CheckResult skipped(String name, String why) {
        return new CheckResult(name, Status.SKIPPED, why, null);
    }
}
