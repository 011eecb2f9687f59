package dev.stowage.store;

import java.lang.System.Logger.Level;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * Retries failures that {@link StoreException#retriable()} says may pass (throttling, 5xx, resets,
 * timeouts) with exponential backoff and full jitter; rethrows every other failure at once. This is
 * the one retry loop between Stowage and its object stores: the S3 client's own retries are off.
 *
 * <p>Every verb is safe to repeat: a put replaces the whole object, a delete of an absent object
 * succeeds. When retries run out the failure names the attempts and the time spent.
 *
 * <p>Until the store has answered once, a request that could not even connect (connection refused,
 * unknown host, no route, connect timeout) is not retried: an endpoint that never answered is a wrong
 * address far more often than a passing outage, and minutes of backoff would hide that from the
 * operator. Once it has answered, the same failure is an outage and is retried.
 */
public final class RetryingObjectStore extends ForwardingObjectStore {

    /** Waits between attempts; tests pass one that records the delays and returns at once. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private static final System.Logger LOG = System.getLogger(RetryingObjectStore.class.getName());

    private final RetryPolicy policy;
    private final Sleeper sleeper;
    private final Clock clock;
    private final RandomGenerator random;
    private volatile boolean answered;

    public RetryingObjectStore(ObjectStore delegate, RetryPolicy policy) {
        this(delegate, policy, duration -> Thread.sleep(duration.toMillis()), Clock.systemUTC(),
                RandomGenerator.getDefault());
    }

    public RetryingObjectStore(ObjectStore delegate, RetryPolicy policy, Sleeper sleeper, Clock clock,
            RandomGenerator random) {
        super(delegate);
        this.policy = policy;
        this.sleeper = sleeper;
        this.clock = clock;
        this.random = random;
    }

    public RetryPolicy policy() {
        return policy;
    }

    @Override
    public void put(String key, Payload payload) {
        call(() -> {
            super.put(key, payload); // a payload reads again from its start: a retry sends it whole
            return null;
        });
    }

    /** A retry after a lost response may find the first attempt's object: false then, as documented. */
    @Override
    public boolean putIfAbsent(String key, Payload payload) {
        return call(() -> super.putIfAbsent(key, payload));
    }

    @Override
    public byte[] get(String key) {
        return call(() -> super.get(key));
    }

    @Override
    public byte[] getRange(String key, long offset, int length) {
        return call(() -> super.getRange(key, offset, length));
    }

    /** A retry reads the range again into {@code into} from its start: a failed attempt's bytes are overwritten. */
    @Override
    public int getRange(String key, long offset, int length, byte[] into) {
        return call(() -> super.getRange(key, offset, length, into));
    }

    @Override
    public Optional<ObjectInfo> stat(String key) {
        return call(() -> super.stat(key));
    }

    @Override
    public List<ObjectInfo> list(String prefix) {
        return call(() -> super.list(prefix));
    }

    @Override
    public void delete(String key) {
        call(() -> {
            super.delete(key);
            return null;
        });
    }

    private <T> T call(Supplier<T> action) {
        Instant start = clock.instant();
        for (int attempt = 1; ; attempt++) {
            try {
                T result = action.get();
                answered = true;
                return result;
            } catch (StoreException failure) {
                if (!failure.retriable()) {
                    answered |= !couldNotConnect(failure);
                    throw failure;
                }
                if (!answered && couldNotConnect(failure)) {
                    throw failure;
                }
                Duration elapsed = Duration.between(start, clock.instant());
                Duration delay = jitter(policy.ceiling(attempt));
                if (attempt >= policy.maxAttempts() || elapsed.plus(delay).compareTo(policy.maxElapsed()) > 0) {
                    throw exhausted(failure, attempt, elapsed);
                }
                // plain concatenation: messages hold apostrophes, which MessageFormat would eat
                LOG.log(Level.WARNING, failure.getMessage() + "; attempt " + attempt + " of " + policy.maxAttempts()
                        + ", retrying in " + delay.toMillis() + " ms");
                pause(delay, failure);
            }
        }
    }

    /** Whether the request never reached the endpoint: nothing answered, not even with an error. */
    static boolean couldNotConnect(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof UnknownHostException
                    || cause instanceof NoRouteToHostException
                    || cause.getClass().getSimpleName().endsWith("ConnectTimeoutException")) {
                return true;
            }
        }
        return false;
    }

    /** Full jitter: uniformly anywhere between no wait and the ceiling, so clients spread out. */
    private Duration jitter(Duration ceiling) {
        long millis = ceiling.toMillis();
        return millis <= 0 ? Duration.ZERO : Duration.ofMillis(random.nextLong(millis + 1));
    }

    private void pause(Duration delay, StoreException failure) {
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure.addSuppressed(e);
            throw failure;
        }
    }

    private static StoreException exhausted(StoreException last, int attempts, Duration elapsed) {
        if (attempts == 1) {
            return last;
        }
        String detail = "gave up after " + attempts + " attempts in " + elapsed.toSeconds() + " s: "
                + last.detail();
        return new StoreException(last.operation(), last.key(), last.location(), last.reason(), detail, last);
    }
}
