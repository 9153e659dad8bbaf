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

        /**
         * Loads {@code stack} and keeps only the voxels within {@code radiusMm} (plus one voxel)
         * of the seeds: a baseline is only ever read there, so the full volume is dropped before
         * the next load and a case never holds more than one full volume.
         */
        Volume loadAround(ImageStack stack, List<double[]> seeds, double radiusMm) {
            if (closed) throw new IllegalStateException("lease closed");
            Volume full = VolumeLoader.load(stack, org.parsreader.util.ProgressListener.NONE, threads);
            peakVolumes.accumulateAndGet(liveVolumes.incrementAndGet(), Math::max);
            try {
                int[] lo = {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE};
                int[] hi = {Integer.MIN_VALUE, Integer.MIN_VALUE, Integer.MIN_VALUE};
                for (double[] s : seeds) {
                    for (int corner = 0; corner < 8; corner++) {
                        double[] ijk = full.geometry().toVoxel(s[0] + ((corner & 1) == 0 ? -radiusMm : radiusMm),
                                s[1] + ((corner & 2) == 0 ? -radiusMm : radiusMm), s[2] + ((corner & 4) == 0 ? -radiusMm : radiusMm));
                        for (int a = 0; a < 3; a++) {
                            lo[a] = Math.min(lo[a], (int) Math.floor(ijk[a]) - 1);
                            hi[a] = Math.max(hi[a], (int) Math.ceil(ijk[a]) + 2);
                        }
                    }
                }
                int[] size = {full.width(), full.height(), full.depth()};
                for (int a = 0; a < 3; a++) {
                    lo[a] = Math.max(0, lo[a]);
                    hi[a] = Math.min(size[a], hi[a]);
                }
                if (lo[0] >= hi[0] || lo[1] >= hi[1] || lo[2] >= hi[2]) return null; // the seeds are nowhere near this series
                return full.crop(lo[0], lo[1], lo[2], hi[0], hi[1], hi[2]);
            } finally {
                liveVolumes.decrementAndGet(); // the full volume is not kept
            }
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
