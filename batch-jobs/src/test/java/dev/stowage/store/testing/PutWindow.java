package dev.stowage.store.testing;

import java.util.concurrent.atomic.AtomicInteger;

/** Counts PUT requests (PutObject, UploadPart) open at once and remembers the most. */
final class PutWindow {

    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger max = new AtomicInteger();

    /** One request's hold on the window; closing twice is harmless. */
    final class Slot {
        private final boolean counted;
        private boolean closed;

        private Slot(boolean counted) {
            this.counted = counted;
            if (counted) {
                int now = open.incrementAndGet();
                max.accumulateAndGet(now, Math::max);
            }
        }

        void close() {
            if (counted && !closed) {
                closed = true;
                open.decrementAndGet();
            }
        }
    }

    Slot open(String operation) {
        return new Slot("PutObject".equals(operation) || "UploadPart".equals(operation));
    }

    int max() {
        return max.get();
    }

    void resetMax() {
        max.set(open.get());
    }
}
