package dev.stowage.repository.crypto;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Phaser;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs Argon2's passes over the memory, slice by slice. Within a slice the lanes are independent (a
 * block may refer to another lane's blocks only in segments already finished), so with more than one
 * lane they are spread over min(lanes, processors) threads, the caller's among them, which meet at
 * each slice's end (RFC 9106, section 3.4). The result does not depend on the number of threads.
 */
final class Argon2Lanes {

    private Argon2Lanes() {
    }

    /** Fills with {@code threads} threads, the caller's among them; at most one per lane. */
    static void fill(Argon2Memory memory, int threads) {
        int used = Math.min(threads, memory.lanes);
        if (used <= 1) {
            fillAlone(memory);
        } else {
            fillInParallel(memory, used);
        }
    }

    private static void fillInParallel(Argon2Memory memory, int threads) {
        // every thread's scratch is allocated here, before any thread starts: a failure to allocate leaves
        // nothing running on the memory, which the caller frees as soon as this throws
        List<Argon2SegmentFiller> fillers = new ArrayList<>(threads);
        for (int i = 0; i < threads; i++) {
            fillers.add(new Argon2SegmentFiller(memory));
        }
        Phaser sliceEnd = new Phaser(1); // the caller; each helper registers before it starts
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> helpers = new ArrayList<>(threads); // sized up front: adding never allocates
        try {
            for (int i = 1; i < threads; i++) {
                int first = i;
                Argon2SegmentFiller filler = fillers.get(i);
                sliceEnd.register();
                try {
                    Thread helper = new Thread(() -> fillGuarded(filler, memory, first, threads, sliceEnd, failure),
                            "argon2-lanes-" + i);
                    helper.setDaemon(true);
                    helper.start();
                    helpers.add(helper);
                } catch (RuntimeException | Error e) {
                    failure.compareAndSet(null, e);
                    sliceEnd.arriveAndDeregister();
                    break;
                }
            }
            fillGuarded(fillers.get(0), memory, 0, threads, sliceEnd, failure);
        } finally {
            // the memory is freed after this returns, whatever happened: every helper must be done with it
            awaitAll(helpers);
            fillers.forEach(Argon2SegmentFiller::wipe);
        }
        Throwable cause = failure.get();
        if (cause != null) {
            throw new IllegalStateException("Argon2id key derivation failed filling its lanes: " + cause, cause);
        }
    }

    private static void awaitAll(List<Thread> threads) {
        boolean interrupted = false;
        for (Thread thread : threads) {
            while (thread.isAlive()) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Fills lanes {@code first}, {@code first + step}, ... slice by slice. After a failure in any thread,
     * each stops at the next slice's end, so that none waits for a thread that will never arrive.
     */
    private static void fillGuarded(Argon2SegmentFiller filler, Argon2Memory memory, int first, int step,
            Phaser sliceEnd, AtomicReference<Throwable> failure) {
        try {
            for (int pass = 0; pass < memory.passes; pass++) {
                for (int slice = 0; slice < Argon2Memory.SYNC_POINTS; slice++) {
                    for (int lane = first; lane < memory.lanes; lane += step) {
                        filler.fill(pass, slice, lane);
                    }
                    sliceEnd.arriveAndAwaitAdvance();
                    if (failure.get() != null) {
                        return;
                    }
                }
            }
        } catch (RuntimeException | Error e) {
            failure.compareAndSet(null, e);
        } finally {
            sliceEnd.arriveAndDeregister();
            filler.wipe();
        }
    }

    /** Every lane on the caller's thread, in the order the RFC describes. */
    private static void fillAlone(Argon2Memory memory) {
        Argon2SegmentFiller filler = new Argon2SegmentFiller(memory);
        try {
            for (int pass = 0; pass < memory.passes; pass++) {
                for (int slice = 0; slice < Argon2Memory.SYNC_POINTS; slice++) {
                    for (int lane = 0; lane < memory.lanes; lane++) {
                        filler.fill(pass, slice, lane);
                    }
                }
            }
        } finally {
            filler.wipe();
        }
    }
}
