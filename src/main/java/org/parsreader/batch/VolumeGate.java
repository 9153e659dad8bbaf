package org.parsreader.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.parsreader.dicom.ImageStack;
import org.parsreader.dicom.VolumeLoader;
import org.parsreader.volume.Volume;

/**
 * Bounds the volumes a batch holds: a case must hold a lease to load volumes, and at most
 * {@code cases} leases exist at once. A lease is the working set of one step of one case (a
 * post-contrast CT with its baseline, or one MR); closing it drops the lease's references, so
 * nothing outlives the step. Counts the peak for tests and the manifest.
 */
final class VolumeGate {
    private final Semaphore leases;
    private final AtomicInteger liveLeases = new AtomicInteger();
    private final AtomicInteger peakLeases = new AtomicInteger();
    private final AtomicInteger liveVolumes = new AtomicInteger();
    private final AtomicInteger peakVolumes = new AtomicInteger();
    private final int threads;

    /** @param threads decoding threads per load (the cohort is already parallel across cases) */
    VolumeGate(int cases, int threads) {
        this.leases = new Semaphore(cases, true);
        this.threads = threads;
    }

    Lease open() throws InterruptedException {
        leases.acquire();
        peakLeases.accumulateAndGet(liveLeases.incrementAndGet(), Math::max);
        return new Lease();
    }

    int peakLeases() {
        return peakLeases.get();
    }

    int peakVolumes() {
        return peakVolumes.get();
    }

    /** The volumes of one step; close it when the step is done. */
    final class Lease implements AutoCloseable {
        private final List<Volume> held = new ArrayList<>();
        private boolean closed;

        Volume load(ImageStack stack) {
            if (closed) throw new IllegalStateException("lease closed");
            Volume v = VolumeLoader.load(stack, org.parsreader.util.ProgressListener.NONE, threads);
            held.add(v);
            peakVolumes.accumulateAndGet(liveVolumes.incrementAndGet(), Math::max);
            return v;
        }

        @Override
        public void close() {
            if (closed) return;
            closed = true;
            liveVolumes.addAndGet(-held.size());
            held.clear();
            liveLeases.decrementAndGet();
            leases.release();
        }
    }
}
