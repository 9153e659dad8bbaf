package org.parsreader.ij.panel;

import ij.ImagePlus;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import org.parsreader.dicom.ImageStack;
import org.parsreader.reading.ReadingSession;
import org.parsreader.reading.SeriesPlan;
import org.parsreader.reading.WindowPreset;
import org.parsreader.util.ProgressListener;
import org.parsreader.volume.Volume;

/**
 * The reformat viewers of a case ({@link CaseViewers}' part for them; issue 12): the ones open,
 * what the tiling, the window presets, maximising and linked zoom do to them, and closing them with
 * the case; and the Sag MPR viewer prepared when the case opens. Methods other than {@link #open()},
 * {@link #images()} and the preparing ones on the event dispatch thread.
 */
final class CaseReformats {
    private final List<ReformatViewer> all = new CopyOnWriteArrayList<>();
    /** The Sag MPR viewer of the case's CT being made in the background since the case opened; null once taken. */
    private final java.util.concurrent.atomic.AtomicReference<Prepared> prepared = new java.util.concurrent.atomic.AtomicReference<>();

    private record Prepared(Volume ct, CompletableFuture<ReformatViewer> viewer) {}

    /**
     * Makes the sagittal viewer of the case's CT when it is among the series {@code shown} (so loaded):
     * its first plane sampled and its 8-bit display drawn, no window, on a background thread of low
     * priority, as Horos and Weasis prepare their MPR while a study opens. The reader's first Sag MPR
     * then only shows a window (issue 12 point 5). The pars planes depend on marks made later, so only
     * the sagittal one is prepared; it holds one plane (under 2 MB for a 512 x 512 x 400 CT) and goes with the case.
     */
    void prepareSagittal(ReadingSession session, List<ImageStack> shown) {
        ImageStack ct = session.plan().get(SeriesPlan.Role.CT);
        boolean on = Boolean.parseBoolean(System.getProperty("pars.reformat.prepare", "true")); // false: for measuring before/after
        if (on && ct != null && shown.contains(ct)) prepareSagittal(session.volume(ct, ProgressListener.NONE));
    }

    /** {@link #prepareSagittal(ReadingSession, List)} for a loaded CT volume {@code ct}. */
    void prepareSagittal(Volume ct) {
        prepared.set(new Prepared(ct, CompletableFuture.supplyAsync(() -> {
            ReformatViewer r = ReformatViewer.sagittal(ct);
            r.image().getImage(); // ImageJ's 8-bit display of the plane, which showing the window would make
            return r;
        }, task -> {
            Thread t = new Thread(task, "Pars Reader: Sag MPR prepared");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            t.start();
        })));
    }

    /**
     * The prepared sagittal viewer of {@code ct} (waiting for it if it is still being made), once; null
     * when none was prepared for this volume or making it failed: the caller then makes one, as before.
     */
    ReformatViewer takeSagittal(Volume ct) {
        Prepared p = prepared.get();
        if (p == null || p.ct() != ct || !prepared.compareAndSet(p, null)) return null;
        try {
            return p.viewer().join();
        } catch (CompletionException | CancellationException e) {
            return null; // (the same error, if real, comes again when the viewer is made at the click)
        }
    }

    /** The reformat viewers open now (a window the reader closed is left out). */
    List<ReformatViewer> open() {
        return all.stream().filter(x -> x.image().getWindow() != null).toList();
    }

    /** The images of every reformat viewer added (their windows take the panel's keys). */
    List<ImagePlus> images() {
        return all.stream().map(ReformatViewer::image).toList();
    }

    /** Adds {@code r} (before it is shown), forgetting the ones whose window is closed. */
    void add(ReformatViewer r) {
        all.removeIf(x -> x.image().getWindow() == null);
        all.add(r);
    }

    /** The tiles' entries, after the series': laid out larger (they are read on), zoomed to fill around the pars. */
    void addTiles(List<ViewerTiling.Tiled> out) {
        for (ReformatViewer r : open()) out.add(new ViewerTiling.Tiled(r.image(), r.layoutSize(), r.focus()));
    }

    /** The windows were tiled, maximised or restored: their new zoom is not the reader's. */
    void viewsSeen() {
        for (ReformatViewer r : open()) r.viewSeen();
    }

    /** Applies {@code p} where it applies; how many took it. */
    int preset(WindowPreset p) {
        int k = 0;
        for (ReformatViewer r : open()) if (r.applyPreset(p)) k++;
        return k;
    }

    /** A linked series zoomed by {@code factor} around patient point {@code centre}: the reformats of its frame follow. */
    void follow(SeriesViewer from, double factor, double[] centre) {
        for (ReformatViewer r : open()) {
            String f = r.volume().frameOfReferenceUid();
            if (f != null && f.equals(from.volume().frameOfReferenceUid())) r.followZoom(factor, centre);
        }
    }

    /** Closes every reformat viewer. */
    void close() {
        prepared.set(null); // (never shown: no window to close)
        for (ReformatViewer r : all) r.close();
        all.clear();
    }
}
