package dev.stowage.repository.crypto;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
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
        CyclicBarrier sliceEnd = new CyclicBarrier(threads);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread[] helpers = new Thread[threads - 1];
        for (int i = 1; i < threads; i++) {
            int first = i;
            Thread helper = new Thread(() -> fillGuarded(memory, first, threads, sliceEnd, failure), "argon2-lanes-" + i);
            helper.setDaemon(true);
            helpers[i - 1] = helper;
            helper.start();
        }
        fillGuarded(memory, 0, threads, sliceEnd, failure);
        boolean interrupted = false;
        for (Thread helper : helpers) {
            while (helper.isAlive()) {
                try {
                    helper.join();
                } catch (InterruptedException e) {
                    interrupted = true; // the helpers end promptly: the barrier is passed or broken
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        Throwable cause = failure.get();
        if (cause != null) {
            throw new IllegalStateException("Argon2id key derivation failed in a lane thread: " + cause, cause);
        }
    }

    /** Fills lanes {@code first}, {@code first + step}, ...; the first failure breaks the barrier for all. */
    private static void fillGuarded(Argon2Memory memory, int first, int step, CyclicBarrier sliceEnd,
            AtomicReference<Throwable> failure) {
        try {
            fillShare(memory, first, step, sliceEnd);
        } catch (BrokenBarrierException e) {
            failure.compareAndSet(null, e); // another thread failed first and recorded why, or was interrupted
        } catch (InterruptedException e) {
            failure.compareAndSet(null, e);
            Thread.currentThread().interrupt();
            sliceEnd.reset();
        } catch (RuntimeException | Error e) {
            failure.set(e); // the root cause wins over the broken barriers it causes
            sliceEnd.reset();
        }
    }

    private static void fillShare(Argon2Memory memory, int first, int step, CyclicBarrier sliceEnd)
            throws InterruptedException, BrokenBarrierException {
        Argon2SegmentFiller filler = new Argon2SegmentFiller(memory);
        try {
            for (int pass = 0; pass < memory.passes; pass++) {
                for (int slice = 0; slice < Argon2Memory.SYNC_POINTS; slice++) {
                    for (int lane = first; lane < memory.lanes; lane += step) {
                        filler.fill(pass, slice, lane);
                    }
                    sliceEnd.await();
                }
            }
        } finally {
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
